// Issue 15, item 2 at first deployment: containers killed long before the rulers started (restart counters flat at
// 1–9, last terminated reason OOMKilled; init containers and sidecars too) and kubelet eviction counters born at 1–9
// must page nobody. A kill and an eviction during the run must page once, at their owner: the rules see real ones.
import { MiB } from '../harness/kube.ts';
import type { World } from '../harness/world.ts';
import { noPage, onePage } from './checks.ts';
import type { Scenario } from './scenario.ts';

const CLUSTER = 'prod-eu-1';
/** The cluster of the eviction during the run: its node exists from the start, its counter is born later. */
const EVICTION_CLUSTER = 'dev-1';
const KILL_AT = 20;
const EVICTION_AT = 65;

async function drive(world: World): Promise<void> {
  const cluster = world.cluster(CLUSTER);
  cluster.node();
  cluster.namespace('payments-start');
  cluster.namespace('legacy', 'search');
  const limit = 256 * MiB;
  const killedBefore = (
    namespace: string,
    pod: string,
    restarts: number,
    type: 'container' | 'init' | 'sidecar' = 'container',
  ) =>
    cluster.container({
      namespace,
      pod,
      container: type === 'container' ? 'app' : type,
      type,
      limitBytes: limit,
      workingSetBytes: 40 * MiB,
      restarts,
      lastTerminated: { reason: 'OOMKilled', exitCode: 137 },
    });
  killedBefore('payments-start', 'old-0', 1);
  killedBefore('payments-start', 'old-1', 9);
  killedBefore('legacy', 'old-2', 3);
  killedBefore('legacy', 'old-3', 2, 'init');
  killedBefore('legacy', 'old-4', 5, 'sidecar');
  cluster.container({
    namespace: 'payments-start',
    pod: 'cool-0',
    container: 'app',
    limitBytes: limit,
    workingSetBytes: 50 * MiB,
  });
  cluster.container({
    namespace: 'legacy',
    pod: 'cool-1',
    container: 'app',
    limitBytes: limit,
    workingSetBytes: 80 * MiB,
    restarts: 4,
    lastTerminated: { reason: 'Completed', exitCode: 0 },
  });
  const killedNow = cluster.container({
    namespace: 'legacy',
    pod: 'kill-0',
    container: 'app',
    limitBytes: limit,
    workingSetBytes: 60 * MiB,
  });
  cluster.evictions('memory.available', 4);
  cluster.evictions('allocatableMemory.available', 1);
  const evictionCluster = world.cluster(EVICTION_CLUSTER);
  evictionCluster.node();

  await world.at(KILL_AT);
  killedNow.restart('OOMKilled', 137);
  await world.at(EVICTION_AT);
  // The kubelet creates the counter at 1 with its first eviction of the signal.
  evictionCluster.evictions('memory.available', 1);
  await world.at(140);
}

export const start: Scenario = {
  name: 'start',
  title: 'scenario start: old kills and evictions at first deployment page nobody',
  clusters: [CLUSTER, EVICTION_CLUSTER],
  drive,
  checks: [
    noPage(
      'no ContainerOOMKilled for a kill before the start (flat restart counters 1–9; containers, init containers, ' +
        'sidecars)',
      { alertname: 'ContainerOOMKilled', cluster: CLUSTER, pod: /^old-/ },
    ),
    noPage('no NodeMemoryEvictions for evictions before the start (kubelet_evictions born at 1 and 4)', {
      alertname: 'NodeMemoryEvictions',
      cluster: CLUSTER,
    }),
    noPage('nothing for cool containers', { cluster: CLUSTER, pod: /^cool-/ }),
    onePage(
      'a kill during the run pages its owner once',
      { alertname: 'ContainerOOMKilled', cluster: CLUSTER, pod: 'kill-0' },
      { team: 'search', cluster: CLUSTER, severity: 'critical' },
    ),
    onePage(
      'an eviction during the run (a counter born at 1 on a kubelet seen for longer than the window) pages the node ' +
        'owner once',
      { alertname: 'NodeMemoryEvictions', cluster: EVICTION_CLUSTER },
      { team: 'platform', cluster: EVICTION_CLUSTER, severity: 'warning' },
    ),
  ],
};
