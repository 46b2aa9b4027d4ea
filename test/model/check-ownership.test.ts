// Ownership problems with cluster scopes: claims conflict only where their clusters overlap too, and a scope needs
// the config's cluster label. Team files are read from disk so that positions are the real ones.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/config/input-error.ts';
import { loadTeamFile, type SourcedTeam } from '../../src/config/load-team-file.ts';
import { ownershipProblems } from '../../src/model/check-ownership.ts';

const dir = mkdtempSync(join(tmpdir(), 'headroom-ownership-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function team(name: string, body: string): SourcedTeam {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, `name: ${name}\n${body}`);
  return loadTeamFile(file);
}

const CLUSTERED = { cluster: { label: 'cluster' } };
const messages = (teams: SourcedTeam[], config: Parameters<typeof ownershipProblems>[1] = CLUSTERED) =>
  ownershipProblems(teams, config).map((problem) => formatProblem(problem).replaceAll(`${dir}/`, ''));

describe('ownershipProblems with cluster scopes', () => {
  it('one namespace may have different owners in different clusters', () => {
    const eu = team('payments-eu', 'namespaces: [payments]\nclusters: ["prod-eu-*"]\n');
    const us = team('payments-us', 'namespaces: ["pay*"]\nclusters: [prod-us-1, "staging-us-*"]\n');
    expect(messages([eu, us])).toEqual([]);
  });

  it('claims conflict where their cluster scopes overlap, and an unscoped claim holds in every cluster', () => {
    const eu = team('payments-eu', 'namespaces: [payments]\nclusters: ["prod-eu-*"]\n');
    const prod = team('payments-prod', 'namespaces:\n  - billing\n  - "pay*"\nclusters: ["prod-*"]\n');
    const everywhere = team('billing', 'namespaces: [billing]\n');
    expect(messages([eu, prod, everywhere])).toEqual([
      'payments-prod.yaml:4:5: namespaces.1: "pay*" overlaps "payments", also claimed by team "payments-eu" ' +
        '(payments-eu.yaml) in overlapping clusters (prod-eu-* and prod-*): each namespace must have exactly one ' +
        'owner in every cluster',
      'billing.yaml:2:14: namespaces.0: "billing" is also claimed by team "payments-prod" (payments-prod.yaml) in ' +
        'overlapping clusters (prod-* and every cluster): each namespace must have exactly one owner in every cluster',
    ]);
  });

  it('node claims follow the same rule', () => {
    const eu = team('pool-eu', 'nodes: ["pool-a-*"]\nclusters: ["prod-eu-*"]\n');
    const us = team('pool-us', 'nodes: ["pool-a-*"]\nclusters: ["prod-us-*"]\n');
    const all = team('pool-all', 'nodes: ["pool-*"]\n');
    expect(messages([eu, us])).toEqual([]);
    expect(messages([eu, us, all])).toEqual([
      'pool-all.yaml:2:9: nodes.0: "pool-*" overlaps "pool-a-*", also claimed by team "pool-eu" (pool-eu.yaml) in ' +
        'overlapping clusters (prod-eu-* and every cluster): each node must have exactly one owner in every cluster',
    ]);
  });

  it('a team scoped to clusters needs the cluster label in the config, reported at its clusters key', () => {
    const eu = team('payments-eu', 'namespaces: [payments]\nclusters: ["prod-eu-*"]\n');
    expect(messages([eu], {})).toEqual(['payments-eu.yaml:3:1: clusters: needs `cluster: { label: … }` in the config']);
    expect(messages([eu], CLUSTERED)).toEqual([]);
  });

  it(
    'one team listing web-frontend and web-*, or a name twice: no conflict, the team owns each name once ' +
      '(quiet-settings warns)',
    () => {
      const web = team(
        'web',
        'namespaces: [web-frontend, "web-*", web-frontend]\nclusters: ["prod-eu-*", "prod-us-*"]\n',
      );
      expect(messages([web])).toEqual([]);
      const other = team('shop', 'namespaces: [web-frontend]\n');
      expect(messages([web, other])).toEqual([
        'shop.yaml:2:14: namespaces.0: "web-frontend" is also claimed by team "web" (web.yaml) in overlapping ' +
          'clusters (prod-eu-*, prod-us-* and every cluster): each namespace must have exactly one owner in every ' +
          'cluster',
      ]);
    },
  );

  it('thousands of exact names in one team, some listed twice: no ownership problem', () => {
    const names = Array.from({ length: 8000 }, (_, i) => `ns-${i}`);
    const big = team('big', `namespaces:\n${[...names, 'ns-17', 'ns-7999'].map((name) => `  - ${name}`).join('\n')}\n`);
    expect(messages([big], {})).toEqual([]);
  });

  it(
    'a×40* and *b×30 of two teams: no namespace of at most 63 characters matches both, so no conflict; as nodes ' +
      'they conflict',
    () => {
      const [prefix, suffix] = [`${'a'.repeat(40)}*`, `*${'b'.repeat(30)}`];
      expect(
        messages([team('long-a', `namespaces: ["${prefix}"]\n`), team('long-b', `namespaces: ["${suffix}"]\n`)], {}),
      ).toEqual([]);
      expect(
        messages([team('pool-a', `nodes: ["${prefix}"]\n`), team('pool-b', `nodes: ["${suffix}"]\n`)], {}),
      ).toEqual([
        `pool-b.yaml:2:9: nodes.0: "${suffix}" overlaps "${prefix}", also claimed by team "pool-a" (pool-a.yaml): ` +
          `each node must have exactly one owner`,
      ]);
    },
  );
});

describe('overrides of node alerts', () => {
  it('a nodeMemoryEvictions override needs nodes to act on, like nodeMemoryPressure', () => {
    const payments = team(
      'payments-nodes',
      'namespaces: [payments]\nalerts:\n  nodeMemoryEvictions: { window: 30m }\n  podsEvicted: { window: 30m }\n',
    );
    expect(messages([payments], {})).toEqual([
      'payments-nodes.yaml:4:3: alerts.nodeMemoryEvictions: has no effect: the team owns no nodes (list them under ' +
        '`nodes:`)',
    ]);
    const pool = team('pool', 'nodes: ["pool-*"]\nalerts:\n  nodeMemoryEvictions: { window: 30m }\n');
    expect(messages([pool], {})).toEqual([]);
  });
});
