// Issue 15, item 2 after an outage: kube-state-metrics (both replicas) and the kubelet's /metrics stop answering for
// longer than the window, then come back with the same flat counters. No page may start after they are back; a kill
// after the return must still page once.
import { MiB } from '../harness/kube.ts';
import type { World } from '../harness/world.ts';
import { noPage, onePage } from './checks.ts';
import type { Scenario } from './scenario.ts';

const CLUSTER = 'prod-us-2';
const DOWN_AT = 10;
/** Longer than every window of the fixture (1m), by four scrapes. */
const GAP_SECONDS = 80;
const BACK_AT = DOWN_AT + GAP_SECONDS;
const KILL_AT = BACK_AT + 20;

async function drive(world: World): Promise<void> {
  const cluster = world.cluster(CLUSTER);
  cluster.node();
  // batch claims batch-* in prod-* clusters by file; gap-search is owned by its label.
  cluster.namespace('batch-gap');
  cluster.namespace('gap-search', 'search');
  const limit = 512 * MiB;
  const oomKilled = { reason: 'OOMKilled', exitCode: 137 };
  cluster.container({ namespace: 'batch-gap', pod: 'old-0', container: 'app', limitBytes: limit, workingSetBytes: 100 * MiB, restarts: 2, lastTerminated: oomKilled });
  cluster.container({ namespace: 'batch-gap', pod: 'old-1', container: 'init', type: 'init', limitBytes: limit, workingSetBytes: 100 * MiB, restarts: 1, lastTerminated: oomKilled });
  cluster.container({ namespace: 'gap-search', pod: 'old-2', container: 'app', limitBytes: limit, workingSetBytes: 100 * MiB, restarts: 7, lastTerminated: oomKilled });
  const killedAfter = cluster.container({ namespace: 'gap-search', pod: 'kill-0', container: 'app', limitBytes: limit, workingSetBytes: 100 * MiB });
  cluster.evictions('memory.available', 2);

  await world.at(DOWN_AT);
  world.setDown(CLUSTER, ['kube-state-metrics-a', 'kube-state-metrics-b', 'kubelet'], true);
  await world.at(BACK_AT);
  world.setDown(CLUSTER, ['kube-state-metrics-a', 'kube-state-metrics-b', 'kubelet'], false);
  await world.at(KILL_AT);
  killedAfter.restart('OOMKilled', 137);
  await world.at(BACK_AT + 105);
}

export const gap: Scenario = {
  name: 'gap',
  title: `scenario gap: kube-state-metrics and the kubelet gone for ${GAP_SECONDS}s, back with the same counters, page nobody`,
  clusters: [CLUSTER],
  drive,
  checks: [
    noPage('no ContainerOOMKilled starts after the return (flat restart counters 1–9, init container too)', { alertname: 'ContainerOOMKilled', cluster: CLUSTER, pod: /^old-/ }, BACK_AT),
    noPage('no NodeMemoryEvictions starts after the return (flat kubelet_evictions)', { alertname: 'NodeMemoryEvictions', cluster: CLUSTER }, BACK_AT),
    onePage('a kill after the return pages its owner once', { alertname: 'ContainerOOMKilled', cluster: CLUSTER, pod: 'kill-0' }, { team: 'search', cluster: CLUSTER, severity: 'critical' }),
  ],
};
