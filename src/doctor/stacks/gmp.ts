// Google Cloud Managed Service for Prometheus on GKE (GoogleCloudPlatform/prometheus-engine, commit 2ffde4ec7b7e,
// release v0.17.2 has the same examples). Its kubelet and cAdvisor examples, examples/kubelet-metrics.yaml and
// examples/cadvisor-metrics.yaml, are the lists GKE's managed kubelet/cAdvisor collection keeps (their comments:
// "Ensure any changes made to the metrics are also reflected in" GKE's cadvisor-kubelet-metrics page). Managed
// objects cannot be edited: the fixes add ClusterNodeMonitoring objects of headroom's own, scraped as job=<their name>
// (pkg/operator/apis/monitoring/v1/node_types.go: job is the object's name, instance <node>:<path>), and the
// `selectors` point at them.
import { INPUT } from '../../rules/input-series.ts';
import { type Remedy, KEPT, type StackFixes } from '../stack-data.ts';

// examples/cadvisor-metrics.yaml keeps, of the memory series, container_memory_rss and
// container_memory_working_set_bytes only (interval 30s). One object for the three cadvisor series headroom reads,
// so one selector covers them.
const CADVISOR_MONITORING: Remedy = {
  why:
    "GKE's managed cAdvisor collection keeps only container_memory_rss and container_memory_working_set_bytes of the " +
    'memory series (prometheus-engine examples/cadvisor-metrics.yaml); a ClusterNodeMonitoring of your own scrapes ' +
    'the rest, and selectors.cadvisor must name it (job="headroom-cadvisor").',
  snippet: `apiVersion: monitoring.googleapis.com/v1
kind: ClusterNodeMonitoring
metadata:
  name: headroom-cadvisor
spec:
  endpoints:
  - path: /metrics/cadvisor
    interval: 30s
    scheme: https
    metricRelabeling:
    - sourceLabels: [__name__]
      regex: container_memory_working_set_bytes|container_spec_memory_limit_bytes|container_oom_events_total
      action: keep
`,
  language: 'yaml',
};

// examples/kubelet-metrics.yaml keeps kubelet_node_name but not kubelet_evictions. headroom joins the two on
// `instance`, so both come from one object.
const KUBELET_MONITORING: Remedy = {
  why:
    "GKE's managed kubelet collection keeps kubelet_node_name but not kubelet_evictions (prometheus-engine " +
    'examples/kubelet-metrics.yaml); a ClusterNodeMonitoring of your own scrapes both, and selectors.kubelet must ' +
    'name it (job="headroom-kubelet").',
  snippet: `apiVersion: monitoring.googleapis.com/v1
kind: ClusterNodeMonitoring
metadata:
  name: headroom-kubelet
spec:
  endpoints:
  - path: /metrics
    interval: 30s
    scheme: https
    metricRelabeling:
    - sourceLabels: [__name__]
      regex: kubelet_evictions|kubelet_node_name
      action: keep
`,
  language: 'yaml',
};

// GKE's managed kube-state-metrics package exports a curated list of series that no public source file states (the
// project's notes say it lacks ..._last_terminated_reason and ..._restarts_total; not verified here). Google's own
// example, examples/kube-state-metrics/kube-state-metrics.yaml, runs kube-state-metrics v2.12.0 in gmp-public (its
// container is named kube-state-metric) and keeps kube_(pod|namespace|node|…)(_.+)? at 30s through a
// ClusterPodMonitoring named kube-state-metrics with targetLabels.metadata: [] (the series keep their own namespace):
// every series headroom reads, once at v2.20.0 (the init-container exit code, CHANGELOG.md v2.20.0).
const EXAMPLE =
  'https://raw.githubusercontent.com/GoogleCloudPlatform/prometheus-engine/v0.17.2/' +
  'examples/kube-state-metrics/kube-state-metrics.yaml';
const IMAGE = 'registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.20.0';

const OWN_KUBE_STATE_METRICS: Remedy = {
  why:
    "GKE's managed kube-state-metrics package exports a curated subset of kube-state-metrics. Where a series " +
    "headroom reads is missing, run kube-state-metrics yourself from Google's example, at 2.20 for init-container " +
    'exit codes; its ClusterPodMonitoring is named kube-state-metrics, so job="kube-state-metrics" selects it.',
  snippet:
    `kubectl apply -f ${EXAMPLE}\n` +
    `kubectl -n gmp-public set image statefulset/kube-state-metrics kube-state-metric=${IMAGE}\n`,
  language: 'text',
};

export const gmp: StackFixes = {
  stack: 'gmp',
  page: 'docs/stacks/gmp.md',
  metrics: {
    [INPUT.workingSet.metric]: KEPT,
    [INPUT.cadvisorLimit.metric]: CADVISOR_MONITORING,
    [INPUT.oomEvents.metric]: CADVISOR_MONITORING,
    [INPUT.limits.metric]: OWN_KUBE_STATE_METRICS,
    [INPUT.initLimits.metric]: OWN_KUBE_STATE_METRICS,
    [INPUT.requests.metric]: OWN_KUBE_STATE_METRICS,
    [INPUT.restarts.metric]: OWN_KUBE_STATE_METRICS,
    [INPUT.lastReason.metric]: OWN_KUBE_STATE_METRICS,
    [INPUT.lastExitCode.metric]: OWN_KUBE_STATE_METRICS,
    [INPUT.initRestarts.metric]: OWN_KUBE_STATE_METRICS,
    [INPUT.initLastReason.metric]: OWN_KUBE_STATE_METRICS,
    [INPUT.initLastExitCode.metric]: OWN_KUBE_STATE_METRICS,
    [INPUT.initInfo.metric]: OWN_KUBE_STATE_METRICS,
    [INPUT.nodeCondition.metric]: OWN_KUBE_STATE_METRICS,
    [INPUT.podReason.metric]: OWN_KUBE_STATE_METRICS,
    [INPUT.podPhase.metric]: OWN_KUBE_STATE_METRICS,
    [INPUT.podInfo.metric]: OWN_KUBE_STATE_METRICS,
    [INPUT.evictions.metric]: KUBELET_MONITORING,
    [INPUT.kubeletNodeName.metric]: KEPT,
  },
  // Every example scrapes at interval: 30s; an object of your own may say otherwise.
  scrapeInterval: {
    why:
      "GMP's examples scrape every 30 s; a ClusterNodeMonitoring or ClusterPodMonitoring with a longer interval " +
      'leaves fewer than two samples in a 1m window.',
    snippet: `spec:
  endpoints:
  - interval: 30s   # in headroom-cadvisor, headroom-kubelet and the kube-state-metrics ClusterPodMonitoring
`,
    language: 'yaml',
  },
  namespaceLabels: (labelKey) => ({
    why:
      "GKE's managed kube-state-metrics takes no flags; run Google's example (see the kube-state-metrics fix) and " +
      'add --metric-labels-allowlist to it. Its ClusterPodMonitoring keeps kube_namespace_labels.',
    snippet:
      'kubectl -n gmp-public patch statefulset kube-state-metrics --type=json -p ' +
      `'[{"op":"add","path":"/spec/template/spec/containers/0/args/-",` +
      `"value":"--metric-labels-allowlist=namespaces=[${labelKey}]"}]'\n`,
    language: 'text',
  }),
  // The managed collection keeps the working set of every cgroup (no container filter), the pod cgroup's included;
  // it has no limit series at all, which `metrics` says (CADVISOR_MONITORING).
  podCgroup: KEPT,
  selectors: {
    why:
      "GMP's job label is the monitoring object's name; headroom's cadvisor and kubelet series come from the objects " +
      "above, kube-state-metrics from the ClusterPodMonitoring of Google's example.",
    snippet: `selectors: {
  cadvisor: 'job="headroom-cadvisor"',
  kubeStateMetrics: 'job="kube-state-metrics"',
  kubelet: 'job="headroom-kubelet"',
},
`,
    language: 'text',
  },
};
