// A synthetic Kubernetes cluster, deterministic from its shape: namespace groups (one per potential team), pods of
// two containers spread over namespaces and nodes, limits, restart history and OOM kills. The same cluster serves
// every team count, so only the rules change between measurements.

interface ClusterShape {
  /** Real containers (not counting the pod-level cgroup and the pause container cadvisor also reports). */
  containers: number;
  /** Namespace groups `app-<g>-*`; team g claims group g, groups without a team fall to the default team. */
  groups: number;
}

export const CONTAINERS_PER_POD = 2;
const PODS_PER_NODE = 50;
/** Every group has these namespaces; teams claim them by exact name or by the glob `app-<g>-*`. */
const GROUP_NAMESPACES = ['api', 'web', 'jobs-a', 'jobs-b'] as const;
export const SYSTEM_NAMESPACES = ['ingress', 'kube-system', 'logging', 'monitoring'] as const;
/** Every tenth group has a dedicated node pool of this many nodes, `pool-<g>-<k>`. */
const POOL_NODES = 2;

export interface Container {
  namespace: string;
  pod: string;
  container: string;
  node: string;
  /** Memory limit in bytes; undefined for a container without one (kube-state-metrics then has no series). */
  limit: number | undefined;
  workingSet: number;
  restarts: number;
  lastTerminatedReason: 'OOMKilled' | 'Error' | 'Completed' | undefined;
  /** Killed for memory during the run: one more restart and reason OOMKilled once the kill time has passed. */
  killedDuringRun: boolean;
  /** Memory request in bytes (kube-state-metrics' requests series); every container has one. */
  request: number;
  /** Exit code of the last termination, where there was one: 137 for OOMKilled and some of the Errors. */
  lastExitCode: number | undefined;
  /** cadvisor's container_oom_events_total before the run. */
  oomEvents: number;
  /** A process in it is killed for memory during the run without the container restarting (a silent OOM kill). */
  silentKillDuringRun: boolean;
}

export interface Pod {
  namespace: string;
  pod: string;
  node: string;
  /** An init container `init` (a sidecar with restart_policy Always on every second such pod), or none. */
  initContainer: 'init' | 'sidecar' | undefined;
  /** A pod-level memory limit (Kubernetes 1.34) on a pod whose containers have none, bytes. */
  podLevelLimit: number | undefined;
  /** Evicted before the run (reason Evicted, phase Failed), or during it (at the kill time). */
  evicted: 'before' | 'during' | undefined;
}

export interface Cluster {
  namespaces: string[];
  nodes: string[];
  /** Nodes reporting MemoryPressure=true. */
  pressuredNodes: Set<string>;
  containers: Container[];
  pods: Pod[];
}

export function groupName(group: number, groups: number): string {
  return `app-${String(group).padStart(Math.max(3, String(groups).length), '0')}`;
}

export function groupNamespaces(group: number, groups: number): string[] {
  return GROUP_NAMESPACES.map((suffix) => `${groupName(group, groups)}-${suffix}`);
}

/** Whether group g has its own node pool (its team then claims the nodes `pool-<g>-*`). */
export function hasNodePool(group: number): boolean {
  return group % 10 === 0;
}

export function poolNodePrefix(group: number, groups: number): string {
  return `pool-${groupName(group, groups).slice('app-'.length)}`;
}

/** A number in [0, 1) from an integer, the same on every run (no Math.random: output must be reproducible). */
function unit(seed: number): number {
  let x = (seed + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  x ^= x >>> 16;
  return (x >>> 0) / 2 ** 32;
}

const MIB = 1024 * 1024;

export function buildCluster(shape: ClusterShape): Cluster {
  const groups = Array.from({ length: shape.groups }, (_, i) => i + 1);
  const namespaces = [...groups.flatMap((g) => groupNamespaces(g, shape.groups)), ...SYSTEM_NAMESPACES];
  const podCount = Math.ceil(shape.containers / CONTAINERS_PER_POD);
  const nodeCount = Math.max(1, Math.ceil(podCount / PODS_PER_NODE));
  const poolNodes = groups
    .filter(hasNodePool)
    .flatMap((g) => Array.from({ length: POOL_NODES }, (_, k) => `${poolNodePrefix(g, shape.groups)}-${k}`));
  const sharedNodes = Array.from(
    { length: Math.max(1, nodeCount - poolNodes.length) },
    (_, k) => `node-${String(k).padStart(4, '0')}`,
  );
  const nodes = [...poolNodes, ...sharedNodes];
  const pressuredNodes = new Set(nodes.filter((_, i) => unit(i * 7 + 3) < 0.02));

  const pods = Array.from(
    { length: podCount },
    (_, p): Pod => ({
      namespace: namespaces[p % namespaces.length] as string,
      pod: `pod-${String(p).padStart(6, '0')}`,
      node: nodes[p % nodes.length] as string,
      initContainer: p % 10 === 3 ? (p % 20 === 3 ? 'sidecar' : 'init') : undefined,
      podLevelLimit: p % 100 === 50 ? 2048 * MIB : undefined,
      evicted: p % 200 === 11 ? 'before' : p % 1000 === 17 ? 'during' : undefined,
    }),
  );
  const containers = Array.from({ length: shape.containers }, (_, i): Container => {
    const pod = pods[Math.floor(i / CONTAINERS_PER_POD)]!;
    const hasLimit = pod.podLevelLimit === undefined && unit(i * 11 + 1) >= 0.05;
    const limit = hasLimit ? (256 + Math.floor(unit(i * 11 + 2) * 15) * 256) * MIB : undefined;
    // Most containers sit well below their limit; a few percent above the usual thresholds.
    const fraction = unit(i * 11 + 3) < 0.03 ? 0.86 + unit(i * 11 + 4) * 0.13 : 0.1 + unit(i * 11 + 4) * 0.7;
    const workingSet = Math.round((limit ?? 2048 * MIB) * fraction);
    const restarted = unit(i * 11 + 5) < 0.05;
    const reasonDraw = unit(i * 11 + 6);
    const lastTerminatedReason = restarted
      ? reasonDraw < 0.4
        ? 'OOMKilled'
        : reasonDraw < 0.8
          ? 'Error'
          : 'Completed'
      : undefined;
    return {
      namespace: pod.namespace,
      pod: pod.pod,
      container: `c${i % CONTAINERS_PER_POD}`,
      node: pod.node,
      limit,
      workingSet,
      restarts: restarted ? 1 + Math.floor(unit(i * 11 + 7) * 20) : 0,
      lastTerminatedReason,
      killedDuringRun: hasLimit && i % 200 === 7,
      request: Math.round((limit ?? 2048 * MIB) * (0.25 + unit(i * 11 + 8) * 0.5)),
      lastExitCode:
        lastTerminatedReason === 'OOMKilled'
          ? 137
          : lastTerminatedReason === 'Error'
            ? unit(i * 11 + 9) < 0.3
              ? 137
              : 1
            : lastTerminatedReason === 'Completed'
              ? 0
              : undefined,
      oomEvents: lastTerminatedReason === 'OOMKilled' ? 1 : 0,
      silentKillDuringRun: hasLimit && i % 400 === 113,
    };
  });
  return { namespaces, nodes, pressuredNodes, containers, pods };
}
