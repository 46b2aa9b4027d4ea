// Names of headroom's recorded series; alerts and dashboards both read them.

/** Working set / memory limit per container {namespace, pod, container}; only containers with a limit. */
export const MEMORY_RATIO = 'headroom:container_memory_working_set:ratio_limit';
/**
 * Restart count per container {namespace, pod, container}, deduplicated across kube-state-metrics replicas once, so
 * ownership, both branches of the OOM alert and the dashboards read 1 series per container instead of 1 per replica.
 * A max of the same state-derived counter is exact: replicas report the same value and do not reset it.
 */
export const CONTAINER_RESTARTS = 'headroom:container_restarts_total:max';
/** Containers per namespace {namespace}: what the per-team ownership rules scan, 1 series per namespace. */
export const NAMESPACE_CONTAINERS = 'headroom:namespace_containers:count';
/** 1 per namespace seen, labelled with its owner: {namespace, team, owner (absent when unowned), team labels…}. */
export const NAMESPACE_OWNER = 'headroom:namespace_owner:info';
/** 1 per node seen, labelled like NAMESPACE_OWNER, keyed by node. */
export const NODE_OWNER = 'headroom:node_owner:info';
/** The ContainerMemoryNearLimit threshold that applies in each namespace {namespace}. */
export const NAMESPACE_THRESHOLD = 'headroom:namespace_memory_threshold:ratio';
