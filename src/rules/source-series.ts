// The raw series every rule reads, with the configured selectors and the filters the metrics need.
import type { Model } from '../model/model.ts';
import { matcher, series } from './promql.ts';

/** A container's key without the cluster label (single-cluster configs); rules use containerKey(model) from keys.ts. */
export const CONTAINER_KEY = ['namespace', 'pod', 'container'] as const;

export interface SourceSeries {
  /** Per-container working set; the pod-level cgroup (container="") and the pause container are left out. */
  workingSet(...matchers: (string | undefined)[]): string;
  /** Per-container memory limit, only where one is set (never 0, so a ratio never becomes +Inf). */
  memoryLimit(...matchers: (string | undefined)[]): string;
  restarts(...matchers: (string | undefined)[]): string;
  oomKilledReason(...matchers: (string | undefined)[]): string;
  memoryPressure(...matchers: (string | undefined)[]): string;
  /** Any MemoryPressure series of a node: it exists for every node whatever the status. */
  nodeCondition(...matchers: (string | undefined)[]): string;
  /** Per-container memory request (kube-state-metrics); dashboards only. */
  memoryRequest(...matchers: (string | undefined)[]): string;
  /** Last termination of a container, one series per reason; dashboards only. */
  lastTerminatedReason(...matchers: (string | undefined)[]): string;
  /** kube-state-metrics' copy of each namespace's Kubernetes labels (those its --metric-labels-allowlist lets through). */
  namespaceLabels(...matchers: (string | undefined)[]): string;
}

export function sourceSeries(model: Model): SourceSeries {
  const { cadvisor, kubeStateMetrics } = model.selectors;
  const realContainer = [matcher('container', '!=', ''), matcher('container', '!=', 'POD')];
  return {
    workingSet: (...m) => series('container_memory_working_set_bytes', cadvisor, ...realContainer, ...m),
    memoryLimit: (...m) =>
      model.limitSource === 'cadvisor'
        ? `${series('container_spec_memory_limit_bytes', cadvisor, ...realContainer, ...m)} > 0`
        : `${series('kube_pod_container_resource_limits', kubeStateMetrics, matcher('resource', '=', 'memory'), ...m)} > 0`,
    restarts: (...m) => series('kube_pod_container_status_restarts_total', kubeStateMetrics, ...m),
    oomKilledReason: (...m) =>
      series('kube_pod_container_status_last_terminated_reason', kubeStateMetrics, matcher('reason', '=', 'OOMKilled'), ...m),
    memoryPressure: (...m) =>
      series('kube_node_status_condition', kubeStateMetrics, matcher('condition', '=', 'MemoryPressure'), matcher('status', '=', 'true'), ...m),
    nodeCondition: (...m) => series('kube_node_status_condition', kubeStateMetrics, matcher('condition', '=', 'MemoryPressure'), ...m),
    memoryRequest: (...m) => series('kube_pod_container_resource_requests', kubeStateMetrics, matcher('resource', '=', 'memory'), ...m),
    lastTerminatedReason: (...m) => series('kube_pod_container_status_last_terminated_reason', kubeStateMetrics, ...m),
    namespaceLabels: (...m) => series('kube_namespace_labels', kubeStateMetrics, ...m),
  };
}
