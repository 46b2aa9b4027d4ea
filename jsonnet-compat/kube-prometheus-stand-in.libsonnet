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
          // kube-prometheus pretty-prints with std.manifestJsonEx(dashboard, '    '): the same JSON, but C++ jsonnet 0.18
          // runs that in jsonnet code (12 s for headroom's example dashboards); std.toString renders it natively.
          data: { [name]: std.toString($.values.grafana.dashboards[name]) },
        }
        for name in std.objectFields($.values.grafana.dashboards)
      ],
    },
  },
}
