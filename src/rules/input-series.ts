// The exporter series the rules read, as an alert declares them (its `inputs`, see src/alerts/alert-definition.ts):
// which metric, from which exporter, and which of its labels the rules need beyond namespace/pod/container or node.
// A stack that drops one (kube-prometheus-stack's cadvisor relabelling, a metric allowlist) silences the alerts that
// declare it; `doctor` reads these. A test checks each alert's declaration against the metrics its expressions read.

export type Exporter = 'cadvisor' | 'kube-state-metrics' | 'kubelet' | 'ruler';

export interface InputSeries {
  metric: string;
  exporter: Exporter;
  /** What one series is about: namespace, pod, container; namespace, pod; node; none. The joins need them all. */
  key: readonly string[];
  /** Labels the rules select or join on, beyond the key labels. */
  labels: readonly string[];
  /** Where an alert works without it, what it loses then (e.g. "the exit-137 evidence"); absent: the alert needs it. */
  optional?: string;
  /** cadvisor series of the pod's own cgroup (container="", pod!=""), not of its containers. */
  podCgroup?: true;
  /** Read only where the memory limits come from this source (config `limitSource`). */
  limitSource?: 'kube-state-metrics' | 'cadvisor';
}

const CONTAINER = ['namespace', 'pod', 'container'];
const POD = ['namespace', 'pod'];
const NODE = ['node'];

function input(
  metric: string,
  exporter: Exporter,
  key: readonly string[],
  labels: readonly string[] = [],
  limitSource?: InputSeries['limitSource'],
): InputSeries {
  const series = { metric, exporter, key, labels };
  return limitSource === undefined ? series : { ...series, limitSource };
}

/** `series` for an alert that works without it, losing `what`. */
export function optional(series: InputSeries, what: string): InputSeries {
  return { ...series, optional: what };
}

export const INPUT = {
  workingSet: input('container_memory_working_set_bytes', 'cadvisor', CONTAINER),
  cadvisorLimit: input('container_spec_memory_limit_bytes', 'cadvisor', CONTAINER),
  oomEvents: input('container_oom_events_total', 'cadvisor', CONTAINER),
  /** The pod cgroup's working set and memory.max: pod-level limits (Kubernetes 1.34). */
  podWorkingSet: { ...input('container_memory_working_set_bytes', 'cadvisor', POD), podCgroup: true },
  podLimit: { ...input('container_spec_memory_limit_bytes', 'cadvisor', POD), podCgroup: true },
  limits: input(
    'kube_pod_container_resource_limits',
    'kube-state-metrics',
    CONTAINER,
    ['resource'],
    'kube-state-metrics',
  ),
  initLimits: input(
    'kube_pod_init_container_resource_limits',
    'kube-state-metrics',
    CONTAINER,
    ['resource'],
    'kube-state-metrics',
  ),
  requests: input('kube_pod_container_resource_requests', 'kube-state-metrics', CONTAINER, ['resource']),
  restarts: input('kube_pod_container_status_restarts_total', 'kube-state-metrics', CONTAINER),
  lastReason: input('kube_pod_container_status_last_terminated_reason', 'kube-state-metrics', CONTAINER, ['reason']),
  lastExitCode: input('kube_pod_container_status_last_terminated_exitcode', 'kube-state-metrics', CONTAINER),
  initRestarts: input('kube_pod_init_container_status_restarts_total', 'kube-state-metrics', CONTAINER),
  initLastReason: input('kube_pod_init_container_status_last_terminated_reason', 'kube-state-metrics', CONTAINER, [
    'reason',
  ]),
  initLastExitCode: input('kube_pod_init_container_status_last_terminated_exitcode', 'kube-state-metrics', CONTAINER),
  initInfo: input('kube_pod_init_container_info', 'kube-state-metrics', CONTAINER, ['restart_policy']),
  nodeCondition: input('kube_node_status_condition', 'kube-state-metrics', NODE, ['condition', 'status']),
  podReason: input('kube_pod_status_reason', 'kube-state-metrics', POD, ['reason']),
  podPhase: input('kube_pod_status_phase', 'kube-state-metrics', POD, ['phase']),
  podInfo: input('kube_pod_info', 'kube-state-metrics', POD, ['node']),
  evictions: input('kubelet_evictions', 'kubelet', [], ['instance', 'eviction_signal']),
  kubeletNodeName: input('kubelet_node_name', 'kubelet', NODE, ['instance']),
  /** With kube-state-metrics' limits: containers it does not report would otherwise look limitless. */
  restartsWhereLimitsAreKubeStateMetrics: input(
    'kube_pod_container_status_restarts_total',
    'kube-state-metrics',
    CONTAINER,
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
