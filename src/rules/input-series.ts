// The exporter series the rules read, as an alert declares them (its `inputs`, see src/alerts/alert-definition.ts):
// which metric, from which exporter, and which of its labels the rules need beyond namespace/pod/container or node.
// A stack that drops one (kube-prometheus-stack's cadvisor relabelling, a metric allowlist) silences the alerts that
// declare it; `doctor` reads these. A test checks each alert's declaration against the metrics its expressions read.

export type Exporter = 'cadvisor' | 'kube-state-metrics' | 'kubelet' | 'ruler';

export interface InputSeries {
  metric: string;
  exporter: Exporter;
  /** Labels the rules select or join on, beyond the key labels (namespace, pod, container; node). */
  labels: readonly string[];
  /** Read only where the memory limits come from this source (config `limitSource`). */
  limitSource?: 'kube-state-metrics' | 'cadvisor';
}

function input(
  metric: string,
  exporter: Exporter,
  labels: readonly string[] = [],
  limitSource?: InputSeries['limitSource'],
): InputSeries {
  return limitSource === undefined ? { metric, exporter, labels } : { metric, exporter, labels, limitSource };
}

export const INPUT = {
  workingSet: input('container_memory_working_set_bytes', 'cadvisor'),
  cadvisorLimit: input('container_spec_memory_limit_bytes', 'cadvisor'),
  oomEvents: input('container_oom_events_total', 'cadvisor'),
  limits: input('kube_pod_container_resource_limits', 'kube-state-metrics', ['resource'], 'kube-state-metrics'),
  initLimits: input(
    'kube_pod_init_container_resource_limits',
    'kube-state-metrics',
    ['resource'],
    'kube-state-metrics',
  ),
  requests: input('kube_pod_container_resource_requests', 'kube-state-metrics', ['resource']),
  restarts: input('kube_pod_container_status_restarts_total', 'kube-state-metrics'),
  lastReason: input('kube_pod_container_status_last_terminated_reason', 'kube-state-metrics', ['reason']),
  lastExitCode: input('kube_pod_container_status_last_terminated_exitcode', 'kube-state-metrics'),
  initRestarts: input('kube_pod_init_container_status_restarts_total', 'kube-state-metrics'),
  initLastReason: input('kube_pod_init_container_status_last_terminated_reason', 'kube-state-metrics', ['reason']),
  initLastExitCode: input('kube_pod_init_container_status_last_terminated_exitcode', 'kube-state-metrics'),
  initInfo: input('kube_pod_init_container_info', 'kube-state-metrics', ['restart_policy']),
  nodeCondition: input('kube_node_status_condition', 'kube-state-metrics', ['condition', 'status']),
  podReason: input('kube_pod_status_reason', 'kube-state-metrics', ['reason']),
  podPhase: input('kube_pod_status_phase', 'kube-state-metrics', ['phase']),
  podInfo: input('kube_pod_info', 'kube-state-metrics', ['node']),
  evictions: input('kubelet_evictions', 'kubelet', ['instance', 'eviction_signal']),
  kubeletNodeName: input('kubelet_node_name', 'kubelet', ['instance']),
  /** With kube-state-metrics' limits: containers it does not report would otherwise look limitless. */
  restartsWhereLimitsAreKubeStateMetrics: input(
    'kube_pod_container_status_restarts_total',
    'kube-state-metrics',
    [],
    'kube-state-metrics',
  ),
} as const;

/** The memory limit series under either limit source: an alert that reads limits declares all three. */
export const LIMIT_INPUTS: readonly InputSeries[] = [
  { ...INPUT.cadvisorLimit, limitSource: 'cadvisor' },
  INPUT.limits,
  INPUT.initLimits,
];
