// headroom in a kube-prometheus build, added the way kube-prometheus adds any mixin: the rule groups in a
// PrometheusRule object, the dashboards merged into values.grafana.dashboards (kube-prometheus' Grafana renders
// them as ConfigMaps). Run it as it is (it uses a stand-in for kube-prometheus):
//   jsonnet -J generated jsonnet-compat/example-kube-prometheus.jsonnet
// In your build, replace the stand-in with kube-prometheus itself, and add the folder `headroom generate` writes
// to the library path:
//   local kubePrometheus = import 'kube-prometheus/main.libsonnet';
//   jsonnet -J vendor -J generated -m manifests example.jsonnet
// Serve the rules either this way or as the generated prometheus-rules/*.yaml, not both: every group would
// then be evaluated twice and every alert sent twice.
local kubePrometheus = import 'kube-prometheus-stand-in.libsonnet';
local headroom = import 'mixin.libsonnet';

local kp = kubePrometheus + {
  values+:: {
    common+: { namespace: 'monitoring' },
    grafana+: { dashboards+:: headroom.grafanaDashboards },
  },

  headroom: {
    prometheusRule: {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: {
        name: 'headroom-rules',
        namespace: $.values.common.namespace,
        // The labels kube-prometheus gives its own rules (its Prometheus selects them).
        labels: { prometheus: 'k8s', role: 'alert-rules' },
      },
      // Alerts, then recording rules, as kube-prometheus' lib/mixin.libsonnet (addMixin) does.
      spec: { groups: headroom.prometheusAlerts.groups + headroom.prometheusRules.groups },
    },
  },
};

// kube-prometheus' example.jsonnet shape: file name → Kubernetes object (use `jsonnet -m manifests`).
{ 'headroom-prometheusRule': kp.headroom.prometheusRule } +
{ ['grafana-' + name]: kp.grafana[name] for name in std.objectFields(kp.grafana) }
