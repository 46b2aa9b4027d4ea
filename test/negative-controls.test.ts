// The scenarios must catch the naive rules of blog posts: each mutation (negative-controls/mutations.ts) swaps one
// generated alert or recording for a known-wrong form and expects `promtool test rules` to fail. A scenario that
// passed them would prove nothing.
// @module-tag spawns (promtool on both engines)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFixture, ruleGroupsOf, writeRuleFile } from './helpers/generate-fixture.ts';
import { REPO_ROOT } from './helpers/paths.ts';
import { ENGINES, testRules } from './helpers/promtool.ts';
import { type Group, MUTATIONS, type Mutation, type Rule } from './negative-controls/mutations.ts';

/** The fixture's rule groups with the mutation applied. */
function mutate(groups: Group[], mutation: Mutation): Group[] {
  const targets = (rule: Rule) => (mutation.alert ? rule.alert === mutation.alert : mutation.recording!(rule));
  return groups.map((group) => ({
    ...group,
    rules: group.rules
      .filter((rule, i, rules) => !targets(rule) || mutation.everyRule || rules.findIndex(targets) === i)
      .flatMap((rule) => {
        if (!targets(rule)) return [rule];
        const expr = typeof mutation.expr === 'string' ? mutation.expr : mutation.expr(rule.expr);
        if (expr === rule.expr)
          throw new Error(`${mutation.name}: the mutation changes nothing in ${rule.record ?? rule.alert}`);
        return [{ ...rule, expr }, ...(mutation.add ?? [])];
      }),
  }));
}

/** Each fixture is generated once; every mutation starts from a fresh parse of its rule groups (ruleGroupsOf). */
const generations = new Map<string, ReturnType<typeof generateFixture>>();
function generatedOnce(fixture: string): ReturnType<typeof generateFixture> {
  if (!generations.has(fixture)) generations.set(fixture, generateFixture(fixture));
  return generations.get(fixture)!;
}

for (const engine of ENGINES) {
  describe(`${engine.name}: the scenarios reject naive rules`, () => {
    for (const mutation of MUTATIONS) {
      it(mutation.name, async () => {
        const fixture = mutation.fixture ?? 'example';
        const mutated = mutate(ruleGroupsOf(await generatedOnce(fixture)) as Group[], mutation);
        const dir = mkdtempSync(join(tmpdir(), 'headroom-mutant-'));
        writeRuleFile(mutated, join(dir, 'rules.yaml'));
        const result = testRules(engine, join(REPO_ROOT, 'test/promtool', fixture, mutation.scenario), dir, {
          lagged: mutation.lagged,
        });
        expect(result.output).toContain('FAILED');
        expect(result.code).not.toBe(0);
      });
    }
  });
}
