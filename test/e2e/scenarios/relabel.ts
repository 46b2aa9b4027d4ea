// Issue 15, item 3: ownership changes while alerts fire. Namespaces labelled team=search, each with a container near
// its limit and one in a crash loop of OOM kills, are relabelled team=storage: no alert of theirs may ever reach the
// default team's receiver, and they end at storage's. Namespaces that appear with a container near its limit and a kill
// soon after (one owned by its label, one claimed by a team file) are notified to their owner from the first
// notification on.
import { MiB } from '../harness/kube.ts';
import { describePage } from '../harness/pages.ts';
import type { World } from '../harness/world.ts';
import { routedByTeam, wrongOwner } from './checks.ts';
import type { Scenario } from './scenario.ts';

const CLUSTER = 'dev-1';
/**
 * Relabelled in two waves, at different moments of the rulers' evaluation cycles: which of two equal owner series
 * `topk` keeps is a matter of input order on vmalert, so one relabel alone shows a misroute in some runs only.
 */
const WAVES = [
  ['shop-1', 'shop-2', 'shop-3'],
  ['shop-4', 'shop-5', 'shop-6'],
];
const RELABELLED = WAVES.flat();
const NEW_NAMESPACES = [
  { namespace: 'fresh-1', label: 'storage', owner: 'storage' },
  { namespace: 'payments-fresh', label: undefined, owner: 'payments' },
];
const RELABEL_AT = [90, 97];
const NEW_AT = 60;
/**
 * The relabelled namespaces' kill-0 is in a crash loop of OOM kills from here on: its alert fires across the relabel.
 */
const CRASH_LOOP = { from: 45, every: 25 };
const ALERTS = ['ContainerMemoryNearLimit', 'ContainerOOMKilled'];

async function drive(world: World): Promise<void> {
  const cluster = world.cluster(CLUSTER);
  cluster.node();
  const limit = 128 * MiB;
  const hotAndKilled = (namespace: string) => {
    cluster.container({ namespace, pod: 'hot-0', container: 'app', limitBytes: limit, workingSetBytes: 122 * MiB });
    cluster.container({ namespace, pod: 'cool-0', container: 'app', limitBytes: limit, workingSetBytes: 20 * MiB });
    return cluster.container({
      namespace,
      pod: 'kill-0',
      container: 'app',
      limitBytes: limit,
      workingSetBytes: 30 * MiB,
    });
  };
  const kills = RELABELLED.map((namespace) => {
    cluster.namespace(namespace, 'search');
    return hotAndKilled(namespace);
  });

  const crashLoop = (async () => {
    for (let at = CRASH_LOOP.from; at < RELABEL_AT.at(-1)! + 60; at += CRASH_LOOP.every) {
      await world.at(at);
      for (const kill of kills) kill.restart('OOMKilled', 137);
    }
  })();
  await world.at(NEW_AT);
  const newKills = NEW_NAMESPACES.map(({ namespace, label }) => {
    cluster.namespace(namespace, label);
    return hotAndKilled(namespace);
  });
  // Killed as soon as both kube-state-metrics replicas have shown the container once (restarts 0): the kill reaches
  // the rules while the namespace is still new to ownership.
  await Promise.all([world.scrapes(CLUSTER, 'kube-state-metrics-a'), world.scrapes(CLUSTER, 'kube-state-metrics-b')]);
  for (const kill of newKills) kill.restart('OOMKilled', 137);
  for (const [wave, namespaces] of WAVES.entries()) {
    await world.at(RELABEL_AT[wave]!);
    for (const namespace of namespaces) cluster.relabel(namespace, 'storage');
  }
  await crashLoop;
  await world.at(RELABEL_AT.at(-1)! + 85);
}

export const relabel: Scenario = {
  name: 'relabel',
  title: 'scenario relabel: namespaces relabelled team=search → storage, and new namespaces, page only their owners',
  clusters: [CLUSTER],
  drive,
  checks: [
    {
      title: "no alert of a relabelled namespace reaches the default team's receiver (platform-pager)",
      problems: (pages, world) =>
        pages
          .pages({ cluster: CLUSTER, namespace: new RegExp(`^(${RELABELLED.join('|')})$`) })
          .filter((page) => page.labels.team === 'platform' || page.receivers.includes('platform-pager'))
          .map((page) => `misrouted: ${describePage(page, world.startedAt)}`),
    },
    {
      title: "a relabelled namespace's alerts reach search before the relabel and end at storage's receiver",
      problems: (pages, world) =>
        RELABELLED.flatMap((namespace) =>
          ALERTS.flatMap((alertname) => {
            const found = pages.pages({ alertname, cluster: CLUSTER, namespace, pod: /^(hot|kill)-0$/ });
            const before = found.filter((page) => page.labels.team === 'search');
            const last = found.at(-1);
            const problems: string[] = [];
            if (before.length === 0) problems.push(`${namespace} ${alertname}: never paged search before the relabel`);
            if (last === undefined || last.labels.team !== 'storage' || last.firstAt < world.time(RELABEL_AT[0]!)) {
              problems.push(
                `${namespace} ${alertname}: the last page is not storage's after the ` +
                  `relabel${last === undefined ? '' : `: ${describePage(last, world.startedAt)}`}`,
              );
            } else {
              problems.push(...wrongOwner(last, { team: 'storage', cluster: CLUSTER }, world));
            }
            return problems;
          }),
        ),
    },
    routedByTeam('every page of the relabelled namespaces reached the receiver of its team label only', {
      cluster: CLUSTER,
      namespace: new RegExp(`^(${RELABELLED.join('|')})$`),
    }),
    {
      title:
        'a new namespace (owned by its label; claimed by a team file) pages its owner from the first notification on',
      problems: (pages, world) =>
        NEW_NAMESPACES.flatMap(({ namespace, owner }) => {
          const problems: string[] = [];
          for (const alertname of ALERTS) {
            const found = pages.pages({ alertname, cluster: CLUSTER, namespace });
            if (found.length === 0) problems.push(`${namespace} ${alertname}: no page`);
            for (const page of found) problems.push(...wrongOwner(page, { team: owner, cluster: CLUSTER }, world));
          }
          return problems;
        }),
    },
  ],
};
