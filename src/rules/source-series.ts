// The raw series every rule reads, with the configured selectors and the filters the metrics need.
import type { Model } from '../model/model.ts';
import { aggregate, matcher, series } from './promql.ts';

/** A container's key without the cluster label (single-cluster configs); rules use containerKey(model) from keys.ts. */
const CONTAINER_KEY = ['namespace', 'pod', 'container'] as const;

interface SourceSeries {
  /** Per-container working set; the pod-level cgroup (container="") and the pause container are left out. */
  workingSet(...matchers: (string | undefined)[]): string;
  /** Per-container memory limit (init containers and sidecars included), only where one is set (never 0, so a ratio never becomes +Inf). */
  memoryLimit(...matchers: (string | undefined)[]): string;
  /**
   * memoryLimit as one series per `key` (replicas and scrapes collapsed by max). Aggregated before `or` and `> 0`, so
   * those compare one series per container instead of one per replica: the same result, as a pod's containers, init
   * containers included, have distinct names, and a limit is never negative. In parentheses: `/` binds tighter than
   * `>`, so `ratio / limit > 0` would filter the ratio, not the limit.
   */
  memoryLimitBy(key: readonly string[]): string;
  restarts(...matchers: (string | undefined)[]): string;
  oomKilledReason(...matchers: (string | undefined)[]): string;
  /** Exit code of a container's last termination (kube-state-metrics ≥ 2.7; absent before the first restart). */
  lastTerminatedExitCode(...matchers: (string | undefined)[]): string;
  /** Restart counter of init containers and native sidecars. */
  initRestarts(...matchers: (string | undefined)[]): string;
  /** Last termination of an init container or sidecar, one series per reason. */
  initLastTerminatedReason(...matchers: (string | undefined)[]): string;
  /** Exit code of an init container's or sidecar's last termination (kube-state-metrics ≥ 2.20). */
  initLastTerminatedExitCode(...matchers: (string | undefined)[]): string;
  /** One series per init container; `restart_policy="Always"` marks a native sidecar (kube-state-metrics ≥ 2.11). */
  initContainerInfo(...matchers: (string | undefined)[]): string;
  /** OOM kills counted per container cgroup (cadvisor, kubelet ≥ 1.24); a new series per container start. */
  oomEvents(...matchers: (string | undefined)[]): string;
  memoryPressure(...matchers: (string | undefined)[]): string;
  /** Any MemoryPressure series of a node: it exists for every node whatever the status. */
  nodeCondition(...matchers: (string | undefined)[]): string;
  /** Per-container memory request (kube-state-metrics); dashboards only. */
  memoryRequest(...matchers: (string | undefined)[]): string;
  /** Last termination of a container, one series per reason; dashboards only. */
  lastTerminatedReason(...matchers: (string | undefined)[]): string;
  /** kube-state-metrics' copy of each namespace's Kubernetes labels (those its --metric-labels-allowlist lets through). */
  namespaceLabels(...matchers: (string | undefined)[]): string;
  /** Working set of each pod's own cgroup (container="", pod!=""): every container of the pod together. */
  podWorkingSet(...matchers: (string | undefined)[]): string;
  /** The pod cgroup's memory.max, only where one is set (cadvisor reports 0 for none): Kubernetes 1.34 pod-level limits. */
  podMemoryLimit(...matchers: (string | undefined)[]): string;
  /** The kubelet's eviction counter {instance, eviction_signal}, only for memory signals (not pre-initialised: born at 1). */
  memoryEvictions(...matchers: (string | undefined)[]): string;
  /** 1 per kubelet {instance, node}: the node name of a kubelet scrape target. */
  kubeletNodeName(...matchers: (string | undefined)[]): string;
  /** 1 per evicted pod while the pod object exists (kube-state-metrics; before 2.20 also 0 for pods not evicted). */
  podEvicted(...matchers: (string | undefined)[]): string;
  /** 1 while a pod is Failed, 0 while it has another phase (kube-state-metrics, every pod with a phase). */
  podFailed(...matchers: (string | undefined)[]): string;
  /** 1 per pod {namespace, pod, node, …} (kube-state-metrics); alert annotations only. */
  podInfo(...matchers: (string | undefined)[]): string;
}

export function sourceSeries(model: Model): SourceSeries {
  const { cadvisor, kubeStateMetrics, kubelet } = model.selectors;
  const realContainer = [matcher('container', '!=', ''), matcher('container', '!=', 'POD')];
  const podCgroup = [matcher('container', '=', ''), matcher('pod', '!=', '')];
  // The limit series, one definition for memoryLimit and memoryLimitBy. Init containers too: a native sidecar runs
  // beside the others and is killed at its own limit.
  const cadvisorLimit = (...m: (string | undefined)[]) =>
    series('container_spec_memory_limit_bytes', cadvisor, ...realContainer, ...m);
  const kubeStateLimits = (...m: (string | undefined)[]) =>
    ['kube_pod_container_resource_limits', 'kube_pod_init_container_resource_limits'].map((metric) =>
      series(metric, kubeStateMetrics, matcher('resource', '=', 'memory'), ...m),
    );
  return {
    workingSet: (...m) => series('container_memory_working_set_bytes', cadvisor, ...realContainer, ...m),
    memoryLimit: (...m) =>
      model.limitSource === 'cadvisor' ? `${cadvisorLimit(...m)} > 0` : `(${kubeStateLimits(...m).join(' or ')}) > 0`,
    memoryLimitBy: (key) =>
      model.limitSource === 'cadvisor'
        ? `(${aggregate('max', key, cadvisorLimit())} > 0)`
        : `((${kubeStateLimits()
            .map((limits) => aggregate('max', key, limits))
            .join(' or ')}) > 0)`,
    restarts: (...m) => series('kube_pod_container_status_restarts_total', kubeStateMetrics, ...m),
    oomKilledReason: (...m) =>
      series(
        'kube_pod_container_status_last_terminated_reason',
        kubeStateMetrics,
        matcher('reason', '=', 'OOMKilled'),
        ...m,
      ),
    lastTerminatedExitCode: (...m) =>
      series('kube_pod_container_status_last_terminated_exitcode', kubeStateMetrics, ...m),
    initRestarts: (...m) => series('kube_pod_init_container_status_restarts_total', kubeStateMetrics, ...m),
    initLastTerminatedReason: (...m) =>
      series('kube_pod_init_container_status_last_terminated_reason', kubeStateMetrics, ...m),
    initLastTerminatedExitCode: (...m) =>
      series('kube_pod_init_container_status_last_terminated_exitcode', kubeStateMetrics, ...m),
    initContainerInfo: (...m) => series('kube_pod_init_container_info', kubeStateMetrics, ...m),
    oomEvents: (...m) => series('container_oom_events_total', cadvisor, ...realContainer, ...m),
    memoryPressure: (...m) =>
      series(
        'kube_node_status_condition',
        kubeStateMetrics,
        matcher('condition', '=', 'MemoryPressure'),
        matcher('status', '=', 'true'),
        ...m,
      ),
    nodeCondition: (...m) =>
      series('kube_node_status_condition', kubeStateMetrics, matcher('condition', '=', 'MemoryPressure'), ...m),
    memoryRequest: (...m) =>
      series('kube_pod_container_resource_requests', kubeStateMetrics, matcher('resource', '=', 'memory'), ...m),
    lastTerminatedReason: (...m) => series('kube_pod_container_status_last_terminated_reason', kubeStateMetrics, ...m),
    namespaceLabels: (...m) => series('kube_namespace_labels', kubeStateMetrics, ...m),
    // QoS-parent cgroups (kubepods, burstable) also have container="", but pod="".
    podWorkingSet: (...m) => series('container_memory_working_set_bytes', cadvisor, ...podCgroup, ...m),
    podMemoryLimit: (...m) => `${series('container_spec_memory_limit_bytes', cadvisor, ...podCgroup, ...m)} > 0`,
    memoryEvictions: (...m) =>
      series(
        'kubelet_evictions',
        kubelet,
        matcher('eviction_signal', '=~', 'memory.available|allocatableMemory.available'),
        ...m,
      ),
    kubeletNodeName: (...m) => series('kubelet_node_name', kubelet, ...m),
    podEvicted: (...m) => series('kube_pod_status_reason', kubeStateMetrics, matcher('reason', '=', 'Evicted'), ...m),
    podFailed: (...m) => series('kube_pod_status_phase', kubeStateMetrics, matcher('phase', '=', 'Failed'), ...m),
    podInfo: (...m) => series('kube_pod_info', kubeStateMetrics, ...m),
  };
}
