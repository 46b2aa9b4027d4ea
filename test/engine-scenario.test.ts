// Scenario items that differ by engine: each engine reads only its own variant, and a marker that would let an
// engine's truth go unasserted (no variant for the other engine, no reason, misplaced, unknown engine) is refused.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scenarioForEngine } from './helpers/engine-scenario.ts';

const scenario = (items: string) => `rule_files: [rules.yaml]
tests:
  - interval: 1m
    input_series:
      - series: 'up{job="a"}'
        values: '1x10'
    alert_rule_test:
${items}`;

const COMMON = `      - eval_time: 1m
        alertname: A
        exp_alerts: []
`;
const VARIANTS = `      # 3.x range selectors are left-open.
      # engine: 2
      - eval_time: 5m
        alertname: A
        exp_alerts: [{ exp_labels: { job: a } }]
      # engine: 3 (left-open)
      - eval_time: 5m
        alertname: A
        exp_alerts: []
`;

function evalTimes(text: string): { eval_time: string; exp_alerts: unknown[] }[] {
  return parse(text).tests[0].alert_rule_test;
}

describe('scenarioForEngine', () => {
  it('keeps unmarked items for every engine and each marked item for its own engine only', () => {
    const text = scenario(COMMON + VARIANTS);
    expect(evalTimes(scenarioForEngine(text, 2))).toEqual([
      { eval_time: '1m', alertname: 'A', exp_alerts: [] },
      { eval_time: '5m', alertname: 'A', exp_alerts: [{ exp_labels: { job: 'a' } }] },
    ]);
    expect(evalTimes(scenarioForEngine(text, 3))).toEqual([
      { eval_time: '1m', alertname: 'A', exp_alerts: [] },
      { eval_time: '5m', alertname: 'A', exp_alerts: [] },
    ]);
  });

  it('reads a marker on the first item of a list', () => {
    expect(evalTimes(scenarioForEngine(scenario(VARIANTS + COMMON), 3)).map((item) => item.exp_alerts)).toEqual([
      [],
      [],
    ]);
  });

  it('leaves a scenario without markers as it is', () => {
    const text = scenario(COMMON);
    expect(parse(scenarioForEngine(text, 2))).toEqual(parse(text));
    expect(parse(scenarioForEngine(text, 3))).toEqual(parse(text));
  });

  it('refuses a variant for one engine only: the other engine would assert nothing there', () => {
    const onlyTwo = VARIANTS.split('      # engine: 3')[0]!;
    expect(() => scenarioForEngine(scenario(COMMON + onlyTwo), 2, 'x.test.yaml')).toThrow(
      /x\.test\.yaml:\d+: engine-specific item without a variant for Prometheus 3\.5/,
    );
  });

  it('refuses a marker without a reason', () => {
    const bare = VARIANTS.replace('      # 3.x range selectors are left-open.\n', '').replace(' (left-open)', '');
    expect(() => scenarioForEngine(scenario(bare), 2, 'x.test.yaml')).toThrow(
      /x\.test\.yaml:\d+: an engine-specific item says why/,
    );
  });

  it('refuses a marker for an unknown engine, and one that is not on an assertion item', () => {
    expect(() => scenarioForEngine(scenario(VARIANTS.replace('engine: 3', 'engine: 4')), 2, 'x')).toThrow(
      /names no engine/,
    );
    const onGroup = scenario(COMMON).replace(
      '  - interval: 1m',
      '  # left-open windows\n  # engine: 3\n  - interval: 1m',
    );
    expect(() => scenarioForEngine(onGroup, 3, 'x')).toThrow(/x:4: an engine marker stands only right above/);
  });

  it('refuses an anchor defined in a variant that another item refers to', () => {
    const anchored =
      VARIANTS.replace('alertname: A\n        exp_alerts: [{', 'alertname: &name A\n        exp_alerts: [{') +
      COMMON.replace('alertname: A', 'alertname: *name');
    expect(() => scenarioForEngine(scenario(anchored), 3, 'x')).toThrow(/x: the engine 3 reading does not/);
  });
});
