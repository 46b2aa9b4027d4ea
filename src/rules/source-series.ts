// The raw series every rule reads, with the configured selectors and the filters the metrics need.
import type { Model } from '../model/model.ts';
import {
  binary,
  eq,
  type Expr,
  type Matcher,
  max,
  by,
  neq,
  parseMatchers,
  re,
  type Selector,
  selector,
} from '../promql/index.ts';

interface SourceSeries {
  /** Per-container working set; the pod-level cgroup (container="") and the pause container are left out. */
  workingSet(...matchers: Matcher[]): Selector;
  /**
   * Per-container memory limit (init containers and sidecars included), only where one is set (never 0, so a ratio
   * never becomes +Inf).
   */
  memoryLimit(...matchers: Matcher[]): Expr;
  /**
   * memoryLimit as one series per `key` (replicas and scrapes collapsed by max). Aggregated before `or` and `> 0`, so
   * those compare one series per container instead of one per replica: the same result, as a pod's containers, init
   * containers included, have distinct names, and a limit is never negative.
   */
  memoryLimitBy(key: readonly string[]): Expr;
  restarts(...matchers: Matcher[]): Selector;
  oomKilledReason(...matchers: Matcher[]): Selector;
  /** Exit code of a container's last termination (kube-state-metrics ≥ 2.7; absent before the first restart). */
  lastTerminatedExitCode(...matchers: Matcher[]): Selector;
  /** Restart counter of init containers and native sidecars. */
  initRestarts(...matchers: Matcher[]): Selector;
  /** Last termination of an init container or sidecar, one series per reason. */
  initLastTerminatedReason(...matchers: Matcher[]): Selector;
  /** Exit code of an init container's or sidecar's last termination (kube-state-metrics ≥ 2.20). */
  initLastTerminatedExitCode(...matchers: Matcher[]): Selector;
  /** One series per init container; `restart_policy="Always"` marks a native sidecar (kube-state-metrics ≥ 2.11). */
  initContainerInfo(...matchers: Matcher[]): Selector;
  /** OOM kills counted per container cgroup (cadvisor, kubelet ≥ 1.24); a new series per container start. */
  oomEvents(...matchers: Matcher[]): Selector;
  memoryPressure(...matchers: Matcher[]): Selector;
  /** Any MemoryPressure series of a node: it exists for every node whatever the status. */
  nodeCondition(...matchers: Matcher[]): Selector;
  /** Per-container memory request (kube-state-metrics); dashboards only. */
  memoryRequest(...matchers: Matcher[]): Selector;
  /** Last termination of a container, one series per reason; dashboards only. */
  lastTerminatedReason(...matchers: Matcher[]): Selector;
  /**
   * kube-state-metrics' copy of each namespace's Kubernetes labels (those its --metric-labels-allowlist lets through).
   */
  namespaceLabels(...matchers: Matcher[]): Selector;
  /** Working set of each pod's own cgroup (container="", pod!=""): every container of the pod together. */
  podWorkingSet(...matchers: Matcher[]): Selector;
  /**
   * The pod cgroup's memory.max, only where one is set (cadvisor reports 0 for none): Kubernetes 1.34 pod-level
   * limits.
   */
  podMemoryLimit(...matchers: Matcher[]): Expr;
  /**
   * The kubelet's eviction counter {instance, eviction_signal}, only for memory signals (not pre-initialised: born at
   * 1).
   */
  memoryEvictions(...matchers: Matcher[]): Selector;
  /** 1 per kubelet {instance, node}: the node name of a kubelet scrape target. */
  kubeletNodeName(...matchers: Matcher[]): Selector;
  /** 1 per evicted pod while the pod object exists (kube-state-metrics; before 2.20 also 0 for pods not evicted). */
  podEvicted(...matchers: Matcher[]): Selector;
  /** 1 while a pod is Failed, 0 while it has another phase (kube-state-metrics, every pod with a phase). */
  podFailed(...matchers: Matcher[]): Selector;
  /** 1 per pod {namespace, pod, node, …} (kube-state-metrics); alert annotations only. */
  podInfo(...matchers: Matcher[]): Selector;
}

/**
 * headroom's own filters (`container!=""`, `pod!=""`) less those that an equality the caller gives on the same label
 * implies: an alert's description selects its container or pod by name. Prometheus pays for `label!=""` by merging
 * the postings of every value of the label: 17 ms a query with 20,000 pods against 0.06 ms without it (3.5), at every
 * evaluation, for every firing alert.
 */
function impliedLeftOut(own: Matcher[], given: Matcher[]): Matcher[] {
  return own.filter(
    (filter) => !given.some((m) => m.op === '=' && m.label === filter.label && m.value !== '' && m.value !== 'POD'),
  );
}

/** The source series of a model, built once: the configured selectors are parsed once per model, not per rule. */
export function sourceSeries(model: Model): SourceSeries {
  let series = built.get(model);
  if (series === undefined) {
    series = buildSourceSeries(model);
    built.set(model, series);
  }
  return series;
}

const built = new WeakMap<Model, SourceSeries>();

function buildSourceSeries(model: Model): SourceSeries {
  const cadvisor = parseMatchers(model.selectors.cadvisor);
  const kubeStateMetrics = parseMatchers(model.selectors.kubeStateMetrics);
  const kubelet = parseMatchers(model.selectors.kubelet);
  const realContainer = (given: Matcher[]) => impliedLeftOut([neq('container', ''), neq('container', 'POD')], given);
  const podCgroup = (given: Matcher[]) => impliedLeftOut([eq('container', ''), neq('pod', '')], given);
  const memory = eq('resource', 'memory');
  // The limit series, one definition for memoryLimit and memoryLimitBy. Init containers too: a native sidecar runs
  // beside the others and is killed at its own limit.
  const cadvisorLimit = (...m: Matcher[]) =>
    selector('container_spec_memory_limit_bytes', ...cadvisor, ...realContainer(m), ...m);
  const kubeStateLimits = (...m: Matcher[]) =>
    ['kube_pod_container_resource_limits', 'kube_pod_init_container_resource_limits'].map((metric) =>
      selector(metric, ...kubeStateMetrics, memory, ...m),
    );
  /** Where a limit is set: the limit series (with kube-state-metrics', the containers' or the init containers') > 0. */
  const positive = (limits: Expr[]) =>
    binary(
      limits.reduce((either, limit) => binary(either, 'or', limit)),
      '>',
      0,
    );
  return {
    workingSet: (...m) => selector('container_memory_working_set_bytes', ...cadvisor, ...realContainer(m), ...m),
    memoryLimit: (...m) => positive(model.limitSource === 'cadvisor' ? [cadvisorLimit(...m)] : kubeStateLimits(...m)),
    memoryLimitBy: (key) =>
      positive(
        (model.limitSource === 'cadvisor' ? [cadvisorLimit()] : kubeStateLimits()).map((limit) => max(by(key), limit)),
      ),
    restarts: (...m) => selector('kube_pod_container_status_restarts_total', ...kubeStateMetrics, ...m),
    oomKilledReason: (...m) =>
      selector(
        'kube_pod_container_status_last_terminated_reason',
        ...kubeStateMetrics,
        eq('reason', 'OOMKilled'),
        ...m,
      ),
    lastTerminatedExitCode: (...m) =>
      selector('kube_pod_container_status_last_terminated_exitcode', ...kubeStateMetrics, ...m),
    initRestarts: (...m) => selector('kube_pod_init_container_status_restarts_total', ...kubeStateMetrics, ...m),
    initLastTerminatedReason: (...m) =>
      selector('kube_pod_init_container_status_last_terminated_reason', ...kubeStateMetrics, ...m),
    initLastTerminatedExitCode: (...m) =>
      selector('kube_pod_init_container_status_last_terminated_exitcode', ...kubeStateMetrics, ...m),
    initContainerInfo: (...m) => selector('kube_pod_init_container_info', ...kubeStateMetrics, ...m),
    oomEvents: (...m) => selector('container_oom_events_total', ...cadvisor, ...realContainer(m), ...m),
    memoryPressure: (...m) =>
      selector(
        'kube_node_status_condition',
        ...kubeStateMetrics,
        eq('condition', 'MemoryPressure'),
        eq('status', 'true'),
        ...m,
      ),
    nodeCondition: (...m) =>
      selector('kube_node_status_condition', ...kubeStateMetrics, eq('condition', 'MemoryPressure'), ...m),
    memoryRequest: (...m) => selector('kube_pod_container_resource_requests', ...kubeStateMetrics, memory, ...m),
    lastTerminatedReason: (...m) =>
      selector('kube_pod_container_status_last_terminated_reason', ...kubeStateMetrics, ...m),
    namespaceLabels: (...m) => selector('kube_namespace_labels', ...kubeStateMetrics, ...m),
    // QoS-parent cgroups (kubepods, burstable) also have container="", but pod="".
    podWorkingSet: (...m) => selector('container_memory_working_set_bytes', ...cadvisor, ...podCgroup(m), ...m),
    podMemoryLimit: (...m) =>
      binary(selector('container_spec_memory_limit_bytes', ...cadvisor, ...podCgroup(m), ...m), '>', 0),
    memoryEvictions: (...m) =>
      selector(
        'kubelet_evictions',
        ...kubelet,
        re('eviction_signal', 'memory.available|allocatableMemory.available'),
        ...m,
      ),
    kubeletNodeName: (...m) => selector('kubelet_node_name', ...kubelet, ...m),
    podEvicted: (...m) => selector('kube_pod_status_reason', ...kubeStateMetrics, eq('reason', 'Evicted'), ...m),
    podFailed: (...m) => selector('kube_pod_status_phase', ...kubeStateMetrics, eq('phase', 'Failed'), ...m),
    podInfo: (...m) => selector('kube_pod_info', ...kubeStateMetrics, ...m),
  };
}
