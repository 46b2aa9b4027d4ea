// The synthetic cluster in Prometheus text format, as kubelet's cadvisor endpoint, kube-state-metrics and kubelet's
// own /metrics expose it: cadvisor also reports the pod-level cgroup (container="") and the pause container
// (container="POD"); kube-state-metrics has no limit series for a container without a limit, and reason and exit
// code series only after a termination. Of label values no rule selects (pod phases other than Failed and Running,
// pod reasons other than Evicted) none is exposed: they cost ingestion, not rule evaluation.
import type { Cluster, Container, Pod } from './cluster.ts';

/**
 * Kill rounds so far: once a minute from the first, the same containers are OOM-killed again (a restart each, reason
 * OOMKilled), the same processes killed silently (an OOM event without a restart) and the nodes under pressure evict
 * twice, so the alerts on them fire for as long as the benchmark runs; the pods evicted "during" the run are evicted
 * from the first round on.
 */
type Rounds = number;

const where = (c: { namespace: string; pod: string; node: string }) =>
  `namespace="${c.namespace}",node="${c.node}",pod="${c.pod}"`;

/** cadvisor's working set and OOM events; `tick` moves every working set a little, as a live container's does. */
export function renderCadvisor(cluster: Cluster, tick: number, rounds: Rounds): string {
  const workingSet = ['# TYPE container_memory_working_set_bytes gauge'];
  const oomEvents = ['# TYPE container_oom_events_total counter'];
  const specLimits = ['# TYPE container_spec_memory_limit_bytes gauge'];
  const byPod = new Map<string, number>();
  for (const [i, c] of cluster.containers.entries()) {
    const value = c.workingSet + ((tick * 4096 + i) % 65536);
    const key = `${c.namespace}/${c.pod}`;
    byPod.set(key, (byPod.get(key) ?? 0) + value);
    const labels = `container="${c.container}",image="registry.example/app:1",${where(c)}`;
    workingSet.push(`container_memory_working_set_bytes{${labels}} ${value}`);
    oomEvents.push(`container_oom_events_total{${labels}} ${containerState(c, rounds).oomEvents}`);
  }
  const limitsOf = podLimits(cluster);
  for (const p of cluster.pods) {
    const total = byPod.get(`${p.namespace}/${p.pod}`) ?? 0;
    workingSet.push(`container_memory_working_set_bytes{container="",image="",${where(p)}} ${total + 1048576}`);
    workingSet.push(
      `container_memory_working_set_bytes{container="POD",image="registry.k8s.io/pause:3.9",${where(p)}} 327680`,
    );
    // The pod cgroup's memory.max: its pod-level limit, the sum of its containers' limits, or 0 (unlimited).
    specLimits.push(`container_spec_memory_limit_bytes{container="",image="",${where(p)}} ${limitsOf.get(p) ?? 0}`);
  }
  return `${[...workingSet, ...oomEvents, ...specLimits].join('\n')}\n`;
}

/** The pod cgroup's limit where it has one: a pod-level limit, or every container's limit summed. */
function podLimits(cluster: Cluster): Map<Pod, number> {
  const byName = new Map(cluster.pods.map((p) => [`${p.namespace}/${p.pod}`, p]));
  const sums = new Map<Pod, number | undefined>();
  for (const c of cluster.containers) {
    const pod = byName.get(`${c.namespace}/${c.pod}`)!;
    const sum = sums.has(pod) ? sums.get(pod) : 0;
    sums.set(pod, sum === undefined || c.limit === undefined ? undefined : sum + c.limit);
  }
  const limits = new Map<Pod, number>();
  for (const p of cluster.pods) {
    const limit = p.podLevelLimit ?? sums.get(p);
    if (limit !== undefined) limits.set(p, limit);
  }
  return limits;
}

/** One kube-state-metrics replica's series after `rounds` kill rounds. */
export function renderKubeStateMetrics(cluster: Cluster, rounds: Rounds): string {
  const family = (name: string, type: string) => [`# TYPE ${name} ${type}`];
  const limits = family('kube_pod_container_resource_limits', 'gauge');
  const requests = family('kube_pod_container_resource_requests', 'gauge');
  const restarts = family('kube_pod_container_status_restarts_total', 'counter');
  const reasons = family('kube_pod_container_status_last_terminated_reason', 'gauge');
  const exitCodes = family('kube_pod_container_status_last_terminated_exitcode', 'gauge');
  for (const c of cluster.containers) {
    const labels = `container="${c.container}",namespace="${c.namespace}",pod="${c.pod}"`;
    const resource = (r: number) => `{${labels},node="${c.node}",resource="memory",unit="byte"} ${r}`;
    if (c.limit !== undefined) limits.push(`kube_pod_container_resource_limits${resource(c.limit)}`);
    requests.push(`kube_pod_container_resource_requests${resource(c.request)}`);
    const state = containerState(c, rounds);
    restarts.push(`kube_pod_container_status_restarts_total{${labels}} ${state.restarts}`);
    if (state.reason)
      reasons.push(`kube_pod_container_status_last_terminated_reason{${labels},reason="${state.reason}"} 1`);
    if (state.exitCode !== undefined)
      exitCodes.push(`kube_pod_container_status_last_terminated_exitcode{${labels}} ${state.exitCode}`);
  }
  const initInfo = family('kube_pod_init_container_info', 'gauge');
  const initLimits = family('kube_pod_init_container_resource_limits', 'gauge');
  const initRestarts = family('kube_pod_init_container_status_restarts_total', 'counter');
  const podReason = family('kube_pod_status_reason', 'gauge');
  const podPhase = family('kube_pod_status_phase', 'gauge');
  const podInfo = family('kube_pod_info', 'gauge');
  for (const p of cluster.pods) {
    const pod = `namespace="${p.namespace}",pod="${p.pod}"`;
    if (p.initContainer) {
      const labels = `container="${p.initContainer}",${pod}`;
      const policy = p.initContainer === 'sidecar' ? 'Always' : '';
      initInfo.push(`kube_pod_init_container_info{${labels},restart_policy="${policy}"} 1`);
      initLimits.push(
        `kube_pod_init_container_resource_limits{${labels},node="${p.node}",resource="memory",unit="byte"} 134217728`,
      );
      initRestarts.push(`kube_pod_init_container_status_restarts_total{${labels}} 0`);
    }
    const evicted = p.evicted === 'before' || (p.evicted === 'during' && rounds > 0) ? 1 : 0;
    podReason.push(`kube_pod_status_reason{${pod},reason="Evicted"} ${evicted}`);
    podPhase.push(`kube_pod_status_phase{${pod},phase="Failed"} ${evicted}`);
    podPhase.push(`kube_pod_status_phase{${pod},phase="Running"} ${1 - evicted}`);
    podInfo.push(`kube_pod_info{${pod},node="${p.node}",created_by_kind="ReplicaSet"} 1`);
  }
  const conditions = family('kube_node_status_condition', 'gauge');
  for (const node of cluster.nodes) {
    const pressured = cluster.pressuredNodes.has(node);
    for (const status of ['true', 'false', 'unknown'] as const) {
      const value = status === 'true' ? Number(pressured) : status === 'false' ? Number(!pressured) : 0;
      conditions.push(
        `kube_node_status_condition{condition="MemoryPressure",node="${node}",status="${status}"} ${value}`,
      );
    }
  }
  const lines = [
    ...[limits, requests, restarts, reasons, exitCodes].flat(),
    ...[initInfo, initLimits, initRestarts, podReason, podPhase, podInfo, conditions].flat(),
  ];
  return `${lines.join('\n')}\n`;
}

/** kubelet's own /metrics of every node, as one exposition with each node's instance label (scraped honoring it). */
export function renderKubelet(cluster: Cluster, rounds: Rounds): string {
  const names = ['# TYPE kubelet_node_name gauge'];
  const evictions = ['# TYPE kubelet_evictions counter'];
  for (const node of cluster.nodes) {
    const instance = `instance="${node}:10250"`;
    names.push(`kubelet_node_name{${instance},node="${node}"} 1`);
    // The counter exists once the node has evicted: nodes under pressure, 2 more evictions each round.
    if (cluster.pressuredNodes.has(node))
      evictions.push(`kubelet_evictions{eviction_signal="memory.available",${instance}} ${3 + 2 * rounds}`);
  }
  return `${[...names, ...evictions].join('\n')}\n`;
}

function containerState(c: Container, rounds: Rounds) {
  const kills = c.killedDuringRun ? rounds : 0;
  return {
    restarts: c.restarts + kills,
    reason: kills > 0 ? 'OOMKilled' : c.lastTerminatedReason,
    exitCode: kills > 0 ? 137 : c.lastExitCode,
    oomEvents: c.oomEvents + kills + (c.silentKillDuringRun ? rounds : 0),
  };
}

const seriesIn = (text: string) => text.split('\n').filter((line) => line !== '' && !line.startsWith('#')).length;

/** Series each endpoint exposes, for the report. */
export function seriesCounts(cluster: Cluster, rounds: Rounds) {
  return {
    cadvisor: seriesIn(renderCadvisor(cluster, 0, rounds)),
    kubeStateMetricsPerReplica: seriesIn(renderKubeStateMetrics(cluster, rounds)),
    kubelet: seriesIn(renderKubelet(cluster, rounds)),
  };
}
