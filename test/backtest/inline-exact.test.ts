// Inlining is exact where the ruler's evaluation order is known and its evaluations fall on the grid of the interval,
// as promtool's do: on the input series of every scenario under test/promtool, with the generated rules running, each
// alert's inlined expression (which reads no recorded series; reads of groups promtool evaluates later lag an
// interval, as there) returns what its original expression (reading the series the rules recorded) returns, series
// for series and value for value, at every evaluation. Checked as promtool expression tests whose expected result is
// nothing: the evaluations, from the first to the item's last assertion, where
//   (original unless inlined) or (inlined unless original) or (original != inlined)
// returns anything, counted by subqueries at the interval (so at the rules' own evaluations).
// @module-tag spawns (promtool on both engines)
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { type ReadLag, recordingInliner } from '../../src/backtest/inline-recordings.ts';
import { type Generation, generate } from '../../src/generate.ts';
import { binary, call, print, subquery } from '../../src/promql/index.ts';
import { read } from '../../src/promql/read.ts';
import { isAlertingRule, type RuleGroup } from '../../src/rules/rule-types.ts';
import { durationMs } from '../../src/values/duration.ts';
import { ruleFileIn, ruleGroupsOf } from '../helpers/generate-fixture.ts';
import { FIXTURES, REPO_ROOT } from '../helpers/paths.ts';
import { ENGINES, testRules } from '../helpers/promtool.ts';

const SCENARIOS = join(REPO_ROOT, 'test', 'promtool');
/** Evaluations per expression test. */
const WINDOW = 5;

interface ScenarioItem {
  interval?: string;
  input_series: unknown[];
  alert_rule_test?: { eval_time: string; alertname: string }[];
  promql_expr_test?: { eval_time: string; expr: string }[];
  [key: string]: unknown;
}

interface Scenario {
  evaluation_interval?: string;
  tests: ScenarioItem[];
  [key: string]: unknown;
}

/**
 * How late promtool's reads are: it evaluates every group at the same times, in the order test/helpers/promtool.ts
 * gives them (the teams table, the ownership decisions, then the others in file order), so a rule reads a group
 * evaluated before its own at the same evaluation, and one evaluated after it at the evaluation before.
 */
function promtoolLag(groups: RuleGroup[], intervalMs: number): ReadLag {
  const rank = (group: number) => {
    const name = groups[group]!.name;
    return name.startsWith('headroom-teams') ? 0 : name.includes('-ownership') ? 1 : 2;
  };
  const order = (group: number) => [rank(group), group] as const;
  return (reader, recorded) => {
    if (reader.group === recorded.group) return recorded.index < reader.index ? 0 : intervalMs;
    const [a, b] = [order(recorded.group), order(reader.group)];
    return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? 0 : intervalMs;
  };
}

/** The item's last assertion, in milliseconds. */
function lastAssertion(item: ScenarioItem): number {
  return Math.max(
    ...[...(item.alert_rule_test ?? []), ...(item.promql_expr_test ?? [])].map((test) => durationMs(test.eval_time)),
  );
}

/** The scenario with its assertions replaced by: every alert's original and inlined expressions agree. */
function agreement(scenario: Scenario, groups: RuleGroup[]): string {
  const interval = scenario.evaluation_interval ?? '1m';
  const inline = recordingInliner(groups, interval, { lag: promtoolLag(groups, durationMs(interval)) });
  const alerting = groups.flatMap(({ rules }, group) =>
    rules.flatMap((rule, index) => (isAlertingRule(rule) ? [{ rule, position: { group, index } }] : [])),
  );
  const tests = scenario.tests.map(({ alert_rule_test, promql_expr_test, ...item }) => {
    // The alerts the item asserts on: by name, or through ALERTS{alertname="…"}. None where the item writes a
    // recorded series itself (an old group's leftover): the inlined alert reads none by design.
    const writesRecorded = item.input_series.some((input) =>
      (input as { series: string }).series.startsWith('headroom:'),
    );
    const names = new Set([
      ...(alert_rule_test ?? []).map((test) => test.alertname),
      ...(promql_expr_test ?? []).flatMap((test) => [...test.expr.matchAll(/alertname="(\w+)"/g)].map((m) => m[1]!)),
    ]);
    const step = durationMs(interval);
    const last = lastAssertion({ ...item, alert_rule_test, promql_expr_test });
    // Windows of a few evaluations each: promtool stops a query past 10,000 samples.
    const ends: number[] = [];
    for (let end = last; end >= 0; end -= WINDOW * step) ends.push(end);
    return {
      ...item,
      promql_expr_test: alerting
        .filter(({ rule }) => names.has(rule.alert) && !writesRecorded)
        .flatMap(({ rule, position }) => {
          const original = read(rule.expr);
          const inlined = inline(original, position);
          const differences = binary(
            binary(binary(original, 'unless', inlined), 'or', binary(inlined, 'unless', original)),
            'or',
            binary(original, '!=', inlined),
          );
          return ends.map((end) => ({
            expr: print(
              call('count_over_time', [
                subquery(differences, `${(Math.min(WINDOW, end / step + 1) * step) / 1000}s`, interval),
              ]),
            ),
            eval_time: `${end / 1000}s`,
            exp_samples: [],
          }));
        }),
    };
  });
  return stringify({ ...scenario, tests }, { lineWidth: 0 });
}

const generations = new Map<string, Promise<Generation>>();
const generated = (fixture: string) =>
  generations.get(fixture) ??
  generations.set(fixture, generate(join(FIXTURES, fixture, 'headroom.config.ts'))).get(fixture)!;

for (const engine of ENGINES) {
  describe(`${engine.name}: inlined alerts equal the originals on every scenario's series`, () => {
    for (const fixture of readdirSync(SCENARIOS).sort()) {
      for (const file of readdirSync(join(SCENARIOS, fixture))
        .filter((name) => name.endsWith('.test.yaml'))
        .sort()) {
        it(`${fixture}/${file}`, async () => {
          const generation = await generated(fixture);
          const dir = mkdtempSync(join(tmpdir(), 'headroom-inline-'));
          ruleFileIn(dir, generation);
          const scenario = parse(readFileSync(join(SCENARIOS, fixture, file), 'utf8')) as Scenario;
          const checked = join(dir, file);
          if (scenario.group_eval_order !== undefined)
            throw new Error(`${file}: promtoolLag reads no group_eval_order`);
          writeFileSync(checked, agreement(scenario, ruleGroupsOf(generation) as RuleGroup[]));
          const result = testRules(engine, checked, dir);
          // The expressions are long: the message shows what promtool got, and where the scenario is kept (removed
          // when it passes).
          expect(result.code, `${dir}: ${result.output.replace(/expr: .*\n/g, '')}`).toBe(0);
          rmSync(dir, { recursive: true, force: true });
        });
      }
    }
  });
}
