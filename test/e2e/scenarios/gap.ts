// Issue 15, item 2 after an outage: kube-state-metrics (both replicas) and the kubelet's /metrics stop answering for
// longer than the window, then come back with the same flat counters: in one cluster the same replicas return, in
// the other a rescheduled replica (a new pod, so a new `instance`: every kube-state-metrics series starts anew). No
// page may start after the return; a kill after the return must still page once.
//
// Measured on today's rules: where the same series resume (the same replicas back), neither vmalert counts the flat
// counters again, after 80 s nor after 400 s (VictoriaMetrics takes the value before the gap as the previous one);
// where kube-state-metrics comes back under a new `instance`, its series start anew and vmalert counts them from 0.
// Longer gaps: `E2E_GAP_SECONDS=400 npm run e2e -- -t "scenario gap"` (about 9 minutes).
import { MiB } from '../harness/kube.ts';
import type { World } from '../harness/world.ts';
import { noPage, onePage } from './checks.ts';
import type { Check, Scenario } from './scenario.ts';

const SAME_REPLICAS = 'prod-us-2';
const RESCHEDULED = 'prod-us-3';
const DOWN_AT = 10;
/** Longer than every window of the fixture (1m), by four scrapes. */
const GAP_SECONDS = Number(process.env.E2E_GAP_SECONDS ?? 80);
const BACK_AT = DOWN_AT + GAP_SECONDS;
const KILL_AT = BACK_AT + 20;

async function play(world: World, name: string): Promise<void> {
  const cluster = world.cluster(name);
  cluster.node();
  // batch claims batch-* in prod-* clusters by file; gap-search is owned by its label.
  cluster.namespace('batch-gap');
  cluster.namespace('gap-search', 'search');
  const limit = 512 * MiB;
  const oomKilled = { reason: 'OOMKilled', exitCode: 137 };
  cluster.container({
    namespace: 'batch-gap',
    pod: 'old-0',
    container: 'app',
    limitBytes: limit,
    workingSetBytes: 100 * MiB,
    restarts: 2,
    lastTerminated: oomKilled,
  });
  cluster.container({
    namespace: 'batch-gap',
    pod: 'old-1',
    container: 'init',
    type: 'init',
    limitBytes: limit,
    workingSetBytes: 100 * MiB,
    restarts: 1,
    lastTerminated: oomKilled,
  });
  cluster.container({
    namespace: 'gap-search',
    pod: 'old-2',
    container: 'app',
    limitBytes: limit,
    workingSetBytes: 100 * MiB,
    restarts: 7,
    lastTerminated: oomKilled,
  });
  cluster.container({
    namespace: 'gap-search',
    pod: 'old-3',
    container: 'proxy',
    type: 'sidecar',
    limitBytes: limit,
    workingSetBytes: 100 * MiB,
    restarts: 3,
    lastTerminated: oomKilled,
  });
  const killedAfter = cluster.container({
    namespace: 'gap-search',
    pod: 'kill-0',
    container: 'app',
    limitBytes: limit,
    workingSetBytes: 100 * MiB,
  });
  cluster.evictions('memory.available', 2);

  await world.at(DOWN_AT);
  world.setDown(name, ['kube-state-metrics-a', 'kube-state-metrics-b', 'kubelet'], true);
  await world.at(BACK_AT);
  if (name === RESCHEDULED) world.setDown(name, ['kube-state-metrics-rescheduled', 'kubelet'], false);
  else world.setDown(name, ['kube-state-metrics-a', 'kube-state-metrics-b', 'kubelet'], false);
  await world.at(KILL_AT);
  killedAfter.restart('OOMKilled', 137);
  await world.at(BACK_AT + 105);
}

function checks(cluster: string, how: string): Check[] {
  return [
    noPage(
      `${how}: no ContainerOOMKilled starts after the return (flat restart counters 1–9; container, init container, ` +
        `sidecar)`,
      { alertname: 'ContainerOOMKilled', cluster, pod: /^old-/ },
      BACK_AT,
    ),
    noPage(
      `${how}: no NodeMemoryEvictions starts after the return (flat kubelet_evictions)`,
      { alertname: 'NodeMemoryEvictions', cluster },
      BACK_AT,
    ),
    onePage(
      `${how}: a kill after the return pages its owner once`,
      { alertname: 'ContainerOOMKilled', cluster, pod: 'kill-0' },
      { team: 'search', cluster, severity: 'critical' },
    ),
  ];
}

export const gap: Scenario = {
  name: 'gap',
  title:
    `scenario gap: kube-state-metrics and the kubelet gone for ${GAP_SECONDS}s, back with the same counters, ` +
    `page nobody`,
  clusters: [SAME_REPLICAS, RESCHEDULED],
  drive: async (world) => {
    await Promise.all([play(world, SAME_REPLICAS), play(world, RESCHEDULED)]);
  },
  checks: [
    ...checks(SAME_REPLICAS, 'the same replicas back'),
    ...checks(RESCHEDULED, 'a rescheduled replica back (new instance)'),
  ],
};
