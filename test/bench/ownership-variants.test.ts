// The bench's ownership experiments are built from the generated rules: every variant parses, selects from the same
// namespace count, and claims for each team exactly what the generated rule of that team claims.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';
import { buildCluster, groupNamespaces } from '../../bench/cluster.ts';
import { writeBenchConfig } from '../../bench/bench-config.ts';
import { ownershipVariants } from '../../bench/ownership-variants.ts';
import { benchRules } from '../../bench/rule-parts.ts';
import { syntaxErrors, vectorSelectors } from '../helpers/promql-tree.ts';

const TEAMS = 12;

describe('ownership variants', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-bench-variants-'));
  const { measured } = await benchRules(writeBenchConfig(dir, TEAMS, TEAMS, 4), 'headroom_n12').finally(() => rmSync(dir, { recursive: true }));
  const cluster = buildCluster({ containers: 200, groups: TEAMS });
  const variants = ownershipVariants(measured, 'headroom_n12', cluster.namespaces);
  const byName = new Map(variants.map((variant) => [variant.name, variant]));

  it('every variant parses and has a group of its own', () => {
    expect(new Set(variants.map((variant) => variant.group.name)).size).toBe(variants.length);
    for (const rule of variants.flatMap((variant) => variant.group.rules)) expect(syntaxErrors(rule.expr)).toEqual([]);
  });

  it('the one-rule variant is one rule for every claim plus the catch-all, its `or` tree balanced', () => {
    const [claims, catchAll] = byName.get('or-all')!.group.rules;
    expect(byName.get('or-all')!.group.rules).toHaveLength(2);
    expect(vectorSelectors(claims!.expr)).toHaveLength(TEAMS);
    expect(vectorSelectors(catchAll!.expr).map((s) => s.metric)).toEqual(['headroom_n12:namespace_containers:count', 'headroom_v_or_all:namespace_owner:info']);
    // ceil(log2(12)) = 4 nested `or`s above the deepest claim, not 11 as in a chain.
    let depth = 0;
    let deepest = 0;
    parser.parse(claims!.expr).iterate({
      enter: (node) => {
        if (node.name === 'BinaryExpr') deepest = Math.max(deepest, ++depth);
      },
      leave: (node) => {
        if (node.name === 'BinaryExpr') depth--;
      },
    });
    expect(deepest).toBe(4);
    expect(byName.get('or-100')!.group.rules).toHaveLength(2);
  });

  it('the exact-name variant lists, for each team, the namespaces its patterns match in the data', () => {
    const claims = byName.get('per-team-exact')!.group.rules.filter((rule) => rule.labels?.claim === 'file');
    expect(claims).toHaveLength(TEAMS);
    for (const rule of claims) {
      const group = Number(rule.labels!.owner!.slice('team-'.length));
      const [selector] = vectorSelectors(rule.expr);
      expect(selector!.matchers).toEqual([`namespace=~"${groupNamespaces(group, TEAMS).sort().join('|')}"`]);
    }
  });

  it('the team labels of the one-rule variant are those of the generated claim rules', () => {
    const claimRules = measured.filter((m) => m.part === 'ownership' && 'labels' in m.rule && m.rule.labels?.claim === 'file');
    const expr = byName.get('or-all')!.group.rules[0]!.expr;
    for (const { rule } of claimRules) {
      for (const [name, value] of Object.entries(rule.labels!)) {
        if (name !== 'claim') expect(expr).toContain(`"${name}", "${value}", "", ""`);
      }
    }
  });
});
