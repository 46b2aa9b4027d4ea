// kube-prometheus-stack (prometheus-community/helm-charts, charts/kube-prometheus-stack 88.5.3, commit cf408a290aec,
// tag kube-prometheus-stack-88.5.3). Its job labels are kube-prometheus's, headroom's default selectors: kubelet
// (templates/exporters/kubelet/servicemonitor.yaml: jobLabel k8s-app, metrics_path relabelled) and kube-state-metrics
// (charts/kube-state-metrics templates/servicemonitor.yaml: jobLabel app.kubernetes.io/name).
import { INPUT } from '../../rules/input-series.ts';
import { KEPT, type StackFixes } from '../stack-data.ts';

// values.yaml lines 1874-1909, kubelet.serviceMonitor.cAdvisorMetricRelabelings: its seventh rule drops
// `container_spec.*`, container_spec_memory_limit_bytes with it (the pod cgroup's too). Helm replaces a list whole, so
// the fix repeats every default rule and narrows only that one to the other container_spec_* series cadvisor exports
// (google/cadvisor lib/metrics/prometheus.go, commit 6a0c4f2539a8: cpu_period, cpu_quota, cpu_shares,
// memory_reservation_limit_bytes, memory_swap_limit_bytes).
const FS_REGEX =
  'container_fs_(io_current|io_time_seconds_total|io_time_weighted_seconds_total|reads_merged_total|' +
  'sector_reads_total|sector_writes_total|writes_merged_total)';

const CADVISOR_RELABELINGS = `kubelet:
  serviceMonitor:
    # The chart's default list (88.x) with one rule narrowed: container_spec_memory_limit_bytes is kept.
    # Helm replaces a list whole, so every other default rule is repeated unchanged.
    cAdvisorMetricRelabelings:
      - sourceLabels: [__name__]
        action: drop
        regex: 'container_cpu_(cfs_throttled_seconds_total|load_average_10s|system_seconds_total|user_seconds_total)'
      - sourceLabels: [__name__]
        action: drop
        regex: '${FS_REGEX}'
      - sourceLabels: [__name__]
        action: drop
        regex: 'container_memory_(mapped_file|swap)'
      - sourceLabels: [__name__]
        action: drop
        regex: 'container_(file_descriptors|tasks_state|threads_max)'
      - sourceLabels: [__name__, scope]
        action: drop
        regex: 'container_memory_failures_total;hierarchy'
      - sourceLabels: [__name__, interface]
        action: drop
        regex: 'container_network_.*;(cali|cilium|cni|lxc|nodelocaldns|tunl).*'
      - sourceLabels: [__name__]
        action: drop
        regex: 'container_spec_(cpu_.*|memory_reservation_limit_bytes|memory_swap_limit_bytes)'
      - sourceLabels: [id, pod]
        action: drop
        regex: '.+;'
`;

const CADVISOR_LIMIT = {
  why:
    'kube-prometheus-stack drops every container_spec_* series (kubelet.serviceMonitor.cAdvisorMetricRelabelings), ' +
    'container_spec_memory_limit_bytes included: pod-level limits (the pod cgroup) and limitSource: cadvisor see none.',
  snippet: CADVISOR_RELABELINGS,
  language: 'yaml',
} as const;

export const kubePrometheusStack: StackFixes = {
  stack: 'kube-prometheus-stack',
  page: 'docs/stacks/kube-prometheus-stack.md',
  // The kubelet's /metrics endpoint drops only storage-operation histogram buckets (values.yaml metricRelabelings);
  // the kube-state-metrics subchart 8.4.0 (Chart.yaml dependencies) runs kube-state-metrics 2.20.0, which exports
  // every kube-state-metrics series headroom reads.
  metrics: {
    [INPUT.workingSet.metric]: KEPT,
    [INPUT.cadvisorLimit.metric]: CADVISOR_LIMIT,
    [INPUT.oomEvents.metric]: KEPT,
    [INPUT.limits.metric]: KEPT,
    [INPUT.initLimits.metric]: KEPT,
    [INPUT.requests.metric]: KEPT,
    [INPUT.restarts.metric]: KEPT,
    [INPUT.lastReason.metric]: KEPT,
    [INPUT.lastExitCode.metric]: KEPT,
    [INPUT.initRestarts.metric]: KEPT,
    [INPUT.initLastReason.metric]: KEPT,
    [INPUT.initLastExitCode.metric]: KEPT,
    [INPUT.initInfo.metric]: KEPT,
    [INPUT.nodeCondition.metric]: KEPT,
    [INPUT.podReason.metric]: KEPT,
    [INPUT.podPhase.metric]: KEPT,
    [INPUT.podInfo.metric]: KEPT,
    [INPUT.evictions.metric]: KEPT,
    [INPUT.kubeletNodeName.metric]: KEPT,
  },
  // prometheus.prometheusSpec.scrapeInterval "" is the operator's 30s; kubelet.serviceMonitor.cAdvisorInterval 10s
  // applies unless kubelet.serviceMonitor.interval is set (servicemonitor.yaml); the kube-state-metrics subchart's
  // prometheus.monitor.http.interval "" is Prometheus' interval.
  scrapeInterval: {
    why:
      'A scrape interval above 30 s leaves fewer than two samples in a 1m window. kube-prometheus-stack scrapes ' +
      'every 30 s (cAdvisor every 10 s) unless prometheusSpec.scrapeInterval or a ServiceMonitor interval ' +
      'says otherwise.',
    snippet: `prometheus:
  prometheusSpec:
    scrapeInterval: 30s
kubelet:
  serviceMonitor:
    interval: ""   # empty: /metrics/cadvisor keeps cAdvisorInterval, /metrics the Prometheus interval
    cAdvisorInterval: 10s
kube-state-metrics:
  prometheus:
    monitor:
      http:
        interval: 30s
`,
    language: 'yaml',
  },
  // charts/kube-state-metrics values.yaml metricLabelsAllowlist: [] → --metric-labels-allowlist (deployment.yaml).
  namespaceLabels: (labelKey) => ({
    why:
      'kube-state-metrics exports kube_namespace_labels only for the label keys --metric-labels-allowlist names; ' +
      'the chart sets none (kube-state-metrics.metricLabelsAllowlist: []).',
    snippet: `kube-state-metrics:
  metricLabelsAllowlist:
    - namespaces=[${labelKey}]
`,
    language: 'yaml',
  }),
  // The default rule on [id, pod] drops only cgroups without a pod: the pod cgroup is kept (its working set with it);
  // its limit goes with container_spec.*, which `metrics` says (CADVISOR_LIMIT).
  podCgroup: KEPT,
  selectors: KEPT,
};
