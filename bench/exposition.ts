// The synthetic cluster in Prometheus text format, as kubelet's cadvisor endpoint and kube-state-metrics expose it:
// cadvisor also reports the pod-level cgroup (container="") and the pause container (container="POD");
// kube-state-metrics has no limit series for a container without a limit, and a reason series only after a
// termination.
import type { Cluster, Container } from './cluster.ts';

/** cadvisor's working set; `tick` moves every value a little, as a live container's memory does. */
export function renderCadvisor(cluster: Cluster, tick: number): string {
  const lines = ['# TYPE container_memory_working_set_bytes gauge'];
  const byPod = new Map<string, number>();
  for (const [i, c] of cluster.containers.entries()) {
    const value = c.workingSet + ((tick * 4096 + i) % 65536);
    const key = `${c.namespace}/${c.pod}`;
    byPod.set(key, (byPod.get(key) ?? 0) + value);
    const where = `namespace="${c.namespace}",node="${c.node}",pod="${c.pod}"`;
    lines.push(
      `container_memory_working_set_bytes{container="${c.container}",image="registry.example/app:1",${where}} ${value}`,
    );
  }
  for (const p of cluster.pods) {
    const total = byPod.get(`${p.namespace}/${p.pod}`) ?? 0;
    const where = `namespace="${p.namespace}",node="${p.node}",pod="${p.pod}"`;
    lines.push(`container_memory_working_set_bytes{container="",image="",${where}} ${total + 1048576}`);
    lines.push(`container_memory_working_set_bytes{container="POD",image="registry.k8s.io/pause:3.9",${where}} 327680`);
  }
  return `${lines.join('\n')}\n`;
}

/** One kube-state-metrics replica's series; `killed` applies the OOM kills that happen during the run. */
export function renderKubeStateMetrics(cluster: Cluster, killed: boolean): string {
  const limits = ['# TYPE kube_pod_container_resource_limits gauge'];
  const restarts = ['# TYPE kube_pod_container_status_restarts_total counter'];
  const reasons = ['# TYPE kube_pod_container_status_last_terminated_reason gauge'];
  for (const c of cluster.containers) {
    const labels = `container="${c.container}",namespace="${c.namespace}",pod="${c.pod}"`;
    if (c.limit !== undefined)
      limits.push(
        `kube_pod_container_resource_limits{${labels},node="${c.node}",resource="memory",unit="byte"} ${c.limit}`,
      );
    const state = containerState(c, killed);
    restarts.push(`kube_pod_container_status_restarts_total{${labels}} ${state.restarts}`);
    if (state.reason)
      reasons.push(`kube_pod_container_status_last_terminated_reason{${labels},reason="${state.reason}"} 1`);
  }
  const conditions = ['# TYPE kube_node_status_condition gauge'];
  for (const node of cluster.nodes) {
    const pressured = cluster.pressuredNodes.has(node);
    for (const status of ['true', 'false', 'unknown'] as const) {
      const value = status === 'true' ? Number(pressured) : status === 'false' ? Number(!pressured) : 0;
      conditions.push(
        `kube_node_status_condition{condition="MemoryPressure",node="${node}",status="${status}"} ${value}`,
      );
    }
  }
  return `${[...limits, ...restarts, ...reasons, ...conditions].join('\n')}\n`;
}

function containerState(
  c: Container,
  killed: boolean,
): { restarts: number; reason: Container['lastTerminatedReason'] } {
  if (killed && c.killedDuringRun) return { restarts: c.restarts + 1, reason: 'OOMKilled' };
  return { restarts: c.restarts, reason: c.lastTerminatedReason };
}

/** Series each endpoint exposes, for the report and the tests. */
export function seriesCounts(cluster: Cluster, killed: boolean) {
  const withLimit = cluster.containers.filter((c) => c.limit !== undefined).length;
  const withReason = cluster.containers.filter((c) => containerState(c, killed).reason !== undefined).length;
  return {
    cadvisor: cluster.containers.length + 2 * cluster.pods.length,
    kubeStateMetricsPerReplica: withLimit + cluster.containers.length + withReason + 3 * cluster.nodes.length,
  };
}
