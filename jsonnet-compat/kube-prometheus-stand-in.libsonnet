// Stand-in for `kube-prometheus/main.libsonnet`, so example-kube-prometheus.jsonnet runs with plain jsonnet and no
// vendor/ folder. It has only what the example touches, in kube-prometheus' shape: `values.common.namespace`, and
// `values.grafana.dashboards` rendered into `grafana.dashboardDefinitions`, one ConfigMap per dashboard named
// grafana-dashboard-<file name>, as kube-prometheus' Grafana component does (brancz/kubernetes-grafana).
// Do not use it in a real build: import kube-prometheus itself.
{
  values:: {
    common: { namespace: 'default' },
    grafana: { dashboards: {} },
  },

  grafana: {
    dashboardDefinitions: {
      apiVersion: 'v1',
      kind: 'ConfigMapList',
      items: [
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'grafana-dashboard-' + std.strReplace(name, '.json', ''), namespace: $.values.common.namespace },
          data: { [name]: std.manifestJsonEx($.values.grafana.dashboards[name], '    ') },
        }
        for name in std.objectFields($.values.grafana.dashboards)
      ],
    },
  },
}
