// Names of headroom's recorded series; alerts and dashboards both read them.

/** Working set / memory limit per container {namespace, pod, container}; only containers with a limit. */
export const MEMORY_RATIO = 'headroom:container_memory_working_set:ratio_limit';
/**
 * Restart count per container {namespace, pod, container}, deduplicated across kube-state-metrics replicas once, so
 * ownership, both branches of the OOM alert and the dashboards read 1 series per container instead of 1 per replica.
 * A max of the same state-derived counter is exact: replicas report the same value and do not reset it.
 */
export const CONTAINER_RESTARTS = 'headroom:container_restarts_total:max';
/**
 * Containers known per namespace {namespace}: those with a memory ratio or a restart counter, so a namespace is known
 * as soon as any series one of its alerts reads exists there. What the ownership rules scan: 1 series per namespace.
 */
export const NAMESPACE_CONTAINERS = 'headroom:namespace_containers:count';
/**
 * The owner of each namespace seen or labelled {namespace, team, owner (absent for the default team), claim (file,
 * namespace-label or none: how the owner was decided), team labels, headroom_<alert> settings labels}, one series per
 * namespace; the value is the time of the decision (see ownership.ts).
 */
export const NAMESPACE_OWNER = 'headroom:namespace_owner:info';
/**
 * Label ownership: 1 per namespace whose owner label names no team there {namespace, owner_label}; it went to
 * defaultTeam. For the overview dashboard.
 */
export const NAMESPACE_OWNER_UNKNOWN = 'headroom:namespace_owner_unknown:info';
/**
 * 1 per owner {owner (absent for the default team's catch-all), team, team labels, headroom_<alert> settings labels}:
 * constant, what the ownership rules join onto what each owner owns.
 */
export const TEAM_INFO = 'headroom:team:info';
/**
 * One per owner and numeric setting it uses {owner (absent for the default team's catch-all), setting (e.g.
 * containerMemoryNearLimit.threshold)}: the value. Constant; joined through each namespace's owner (see
 * rule-settings.ts).
 */
export const TEAM_SETTING = 'headroom:team_setting:value';
/**
 * 1 per node seen {node}: every node with a MemoryPressure condition series, deduplicated across kube-state-metrics
 * replicas once, so each node ownership rule scans one series per node instead of intersecting the kube-state-metrics
 * job's postings (every series it exports) again.
 */
export const NODE_SEEN = 'headroom:node_seen:group';
/** The owner of each node seen, labelled like NAMESPACE_OWNER (claim file or none), keyed by node. */
export const NODE_OWNER = 'headroom:node_owner:info';
/** The ContainerMemoryNearLimit threshold that applies in each namespace {namespace}. */
export const NAMESPACE_THRESHOLD = 'headroom:namespace_memory_threshold:ratio';
/**
 * The memory ratio of containers above their namespace's threshold {namespace, pod, container}: computed once over
 * every container, so each near-limit alert rule (one per distinct for/severity) reads only these few series.
 */
export const ABOVE_THRESHOLD = 'headroom:container_memory_above_threshold:ratio_limit';
/**
 * Restarts within a window of containers OOM-killed {namespace, pod, container, window, evidence, container_type}:
 * `evidence` = reason (last termination OOMKilled) or oom-events (Error, exit 137, the OOM counter rose);
 * `container_type` = container, init or sidecar. The rules per distinct window read every container once; the OOM
 * alert rules (one per distinct window and severity) read only these few series.
 */
export const OOM_RESTARTS = 'headroom:container_oom_restarts:increase';
/**
 * The highest ratio of working set to limit within a window of containers whose last termination was reason Error with
 * exit code 137 {namespace, pod, container, window}: within the owner's margin of 1, the kill counts.
 */
export const EXIT137_PEAK_RATIO = 'headroom:container_exit137_peak:ratio_limit';
/** 1 per init container {namespace, pod, container, container_type}: `sidecar` (restartPolicy Always) or `init`. */
export const INIT_CONTAINER_TYPE = 'headroom:init_container_type:info';
/**
 * Restarts within a window of every container, init containers and sidecars included {namespace, pod, container,
 * window, container_type}; only containers that restarted. One rule per distinct window of the OOM alerts.
 */
export const RESTARTS_IN_WINDOW = 'headroom:container_restarts:increase';
/** OOM kills counted by cadvisor within a window {namespace, pod, container, window}; only containers with one. */
export const OOM_EVENTS = 'headroom:container_oom_events:increase';
/**
 * Restarts within a window of containers (also init containers, sidecars) whose last termination was reason Error
 * with exit code 137, a SIGKILL: OOM kills only with evidence {namespace, pod, container, window, container_type}.
 */
export const EXIT137_RESTARTS = 'headroom:container_exit137_restarts:increase';
/**
 * OOM kills within a window of processes inside containers that did not restart in it {namespace, pod, container,
 * window}: the value is the number of kills.
 */
export const PROCESS_OOM_KILLS = 'headroom:container_process_oom_kills:increase';
/**
 * ContainerMemoryLeak: the working set forecast `horizon` ahead, as a fraction of the limit {namespace, pod, container,
 * lookback, horizon}; one rule per distinct (lookback, horizon) over every container's current life, once it is old
 * enough (see container-memory-leak.ts). Dashboards draw it next to MEMORY_RATIO.
 */
export const MEMORY_FORECAST = 'headroom:container_memory_forecast:ratio_limit';
/** The MEMORY_FORECAST series above 1 (the limit is reached within the horizon): what the leak alert rules read. */
export const FORECAST_OVER_LIMIT = 'headroom:container_memory_forecast_over_limit:ratio_limit';
/** Working set of real containers without a memory limit of their own nor of their pod {namespace, pod, container}. */
export const WITHOUT_LIMIT = 'headroom:container_memory_working_set_without_limit:bytes';
/**
 * Containers without a memory limit per namespace {namespace}: ContainersWithoutMemoryLimit, the overview dashboard.
 */
export const NAMESPACE_WITHOUT_LIMIT = 'headroom:namespace_containers_without_memory_limit:count';
/** Working set / memory request per container {namespace, pod, container}; only containers with a request. */
export const REQUEST_RATIO = 'headroom:container_memory_working_set:ratio_request';
/**
 * Containers whose working set stayed above their memory request for the whole of `for` {namespace, pod, container,
 * for}, value = the lowest ratio to the request in that time; one rule per distinct `for` of
 * ContainersAboveMemoryRequest.
 */
export const ABOVE_REQUEST = 'headroom:container_memory_above_request:ratio_request';
/** ABOVE_REQUEST counted per namespace {namespace, for}: what the alert rules and the dashboards read. */
export const NAMESPACE_ABOVE_REQUEST = 'headroom:namespace_containers_above_memory_request:count';
/**
 * Pod working set / pod-level memory limit {namespace, pod}, only pods whose limit is the pod's alone (Kubernetes 1.34
 * `spec.resources`, no container declares a limit): PodMemoryNearLimit.
 */
export const POD_MEMORY_RATIO = 'headroom:pod_memory_working_set:ratio_pod_limit';
/**
 * Pods evicted by the kubelet for memory, per node and window {node, window}: the value is the number of evictions
 * with a memory signal within the window (see node-memory-evictions.ts); only nodes with one. NodeMemoryEvictions and
 * the overview dashboard (evictions over time) read it.
 */
export const NODE_MEMORY_EVICTIONS = 'headroom:node_memory_evictions:increase';
/**
 * 1 per pod evicted within the window {namespace, pod, window} (see pods-evicted.ts); old evicted pods are not in it.
 */
export const POD_EVICTED = 'headroom:pod_evicted_recently:info';
/** Pods evicted within the window per namespace {namespace, window}: PodsEvicted and the dashboards read it. */
export const NAMESPACE_PODS_EVICTED = 'headroom:namespace_pods_evicted:increase';
/**
 * 1 per cluster and input family it has series of {input (the metric), cgroup="pod" for a pod cgroup family}: one
 * rule per family an enabled alert reads, what HeadroomInputMissing compares the clusters seen with.
 */
export const INPUT_PRESENT = 'headroom:input_present:group';
