// Issue 15, item 1: one kill, one page. An `Error` + exit 137 kill with an OOM event (cadvisor's
// container_oom_events_total) and the working set at the limit, where cadvisor's sample and kube-state-metrics' land
// in different evaluations: the event first (so it also leaves its window first), or the restart first (the event
// leaves last). Each kill must give exactly one ContainerOOMKilled page per ruler, at its owner.
import { MiB, type FakeContainer } from '../harness/kube.ts';
import type { World } from '../harness/world.ts';
import { onePage } from './checks.ts';
import type { Scenario } from './scenario.ts';

const CLUSTER = 'prod-eu-1';
const NAMESPACE = 'payments-kill';
const KILL_AT = 15;
const LIMIT = 200 * MiB;
/** 99 % of the limit: within the default evidence margin (3 %), where an exit 137 counts as an OOM kill. */
const AT_LIMIT = 198 * MiB;
const AFTER_RESTART = 20 * MiB;

/**
 * Waits until the exporter's targets have answered a scrape that shows the change (both replicas, for
 * kube-state-metrics), then one evaluation interval more, so the other exporter's change lands in a later evaluation.
 */
async function landed(world: World, source: 'cadvisor' | 'kube-state-metrics'): Promise<void> {
  if (source === 'cadvisor') await world.scrapes(CLUSTER, 'cadvisor');
  else
    await Promise.all([world.scrapes(CLUSTER, 'kube-state-metrics-a'), world.scrapes(CLUSTER, 'kube-state-metrics-b')]);
  await new Promise((resolve) => setTimeout(resolve, 6_000));
}

async function eventFirst(world: World, container: FakeContainer): Promise<void> {
  container.oomEvent();
  await landed(world, 'cadvisor');
  container.restart('Error', 137);
  container.setWorkingSet(AFTER_RESTART);
}

async function restartFirst(world: World, container: FakeContainer): Promise<void> {
  container.restart('Error', 137);
  await landed(world, 'kube-state-metrics');
  container.oomEvent();
  container.setWorkingSet(AFTER_RESTART);
}

async function drive(world: World): Promise<void> {
  const cluster = world.cluster(CLUSTER);
  cluster.node();
  cluster.namespace(NAMESPACE);
  const container = (pod: string) =>
    cluster.container({ namespace: NAMESPACE, pod, container: 'app', limitBytes: LIMIT, workingSetBytes: AT_LIMIT });
  const first = container('event-first-0');
  const last = container('restart-first-0');
  await world.at(KILL_AT);
  await Promise.all([eventFirst(world, first), restartFirst(world, last)]);
  await world.at(165);
}

const expected = { team: 'payments', cluster: CLUSTER, severity: 'critical' };

export const oneKill: Scenario = {
  name: 'kill',
  title: 'scenario kill: one Error + exit 137 kill with an OOM event and the working set at the limit pages once',
  clusters: [CLUSTER],
  drive,
  checks: [
    onePage(
      "one page when cadvisor's OOM event lands first and leaves its window first",
      { alertname: 'ContainerOOMKilled', cluster: CLUSTER, pod: 'event-first-0' },
      expected,
    ),
    onePage(
      "one page when kube-state-metrics' restart lands first and the OOM event leaves its window last",
      { alertname: 'ContainerOOMKilled', cluster: CLUSTER, pod: 'restart-first-0' },
      expected,
    ),
  ],
};
