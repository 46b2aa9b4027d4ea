// Recording rules inlined into the expressions that read them: which rules a selector picks, how a range or an offset
// of a recorded series reads once it is an expression, and that no alert of any fixture is left reading a recorded
// series (the store need not have headroom's rules). That the inlined alerts equal the originals on real engines:
// inline-exact.test.ts.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alertQueries } from '../../src/backtest/alert-queries.ts';
import { InlineError, recordingInliner } from '../../src/backtest/inline-recordings.ts';
import { print } from '../../src/promql/index.ts';
import { read } from '../../src/promql/read.ts';
import { ruleGroups } from '../../src/rule-groups/rule-groups.ts';
import type { RecordingRule } from '../../src/rules/rule-types.ts';
import { generateFixture } from '../helpers/generate-fixture.ts';
import { FIXTURES } from '../helpers/paths.ts';
import { vectorSelectors } from '../helpers/promql-tree.ts';

const rules: RecordingRule[] = [
  { record: 'r:restarts', expr: 'max by (pod) (restarts_total)' },
  {
    record: 'r:increase',
    expr: 'max_over_time(r:restarts[1m]) - min_over_time(r:restarts[1m]) > 0',
    labels: { window: '1m' },
  },
  {
    record: 'r:increase',
    expr: 'max_over_time(r:restarts[5m]) - min_over_time(r:restarts[5m]) > 0',
    labels: { window: '5m' },
  },
];
/** As an alerting rule after the recording rules in their group reads it. */
const inlined = (text: string) =>
  print(recordingInliner([{ name: 'g', rules }], '30s')(read(text), { group: 0, index: rules.length }));

describe('recording rules inlined', () => {
  it("a selector reads the rules its matchers pick by the rules' labels, which are set over the expression's", () => {
    expect(inlined('r:increase{window="5m"}')).toBe(
      'label_replace(max_over_time(max by (pod) (restarts_total)[5m:30s]) - min_over_time(max by (pod) ' +
        '(restarts_total)[5m:30s]) > 0, "window", "5m", "", "")',
    );
    expect(inlined('count(r:increase)')).toBe(
      'count(label_replace(max_over_time(max by (pod) (restarts_total)[1m:30s]) - min_over_time(max by (pod) ' +
        '(restarts_total)[1m:30s]) > 0, "window", "1m", "", "") or label_replace(max_over_time(max by (pod) ' +
        '(restarts_total)[5m:30s]) - min_over_time(max by (pod) (restarts_total)[5m:30s]) > 0, ' +
        '"window", "5m", "", ""))',
    );
    expect(inlined('r:increase{window=~"1m|10m", __name__="r:increase"} > 0')).toMatch(
      /^label_replace\(.*"1m", "", ""\) > 0$/,
    );
    expect(inlined('r:increase{window="10m"}')).toBe('vector(1) unless vector(1)');
  });

  it('other matchers filter the expression; a range is a subquery at the interval, an offset its last value', () => {
    expect(inlined('r:restarts{pod="a"}')).toBe(
      'max by (pod) (restarts_total) and on (pod) label_replace(vector(1), "pod", "a", "", "")',
    );
    expect(inlined('r:restarts{pod!~"a.*"}')).toBe(
      'label_replace(label_replace(max by (pod) (restarts_total), "headroom_backtest_match", "1", "pod", "a.*") ' +
        'unless on (headroom_backtest_match) label_replace(vector(1), "headroom_backtest_match", "1", "", ""), ' +
        '"headroom_backtest_match", "", "", "")',
    );
    expect(inlined('rate(r:restarts[10m] offset 1h)')).toBe('rate(max by (pod) (restarts_total)[10m:30s] offset 1h)');
    expect(inlined('r:restarts offset 1h')).toBe('last_over_time(max by (pod) (restarts_total)[30s:30s] offset 1h)');
    expect(inlined('up offset 1h + rate(x[5m])')).toBe('up offset 1h + rate(x[5m])');
  });

  it("puts a subquery's steps on the evaluations when they fall between multiples of the interval", () => {
    const onPhase = (text: string) =>
      print(recordingInliner([{ name: 'g', rules }], '30s', { phaseMs: 2175 })(read(text), { group: 0, index: 3 }));
    expect(onPhase('max_over_time(r:restarts[5m])')).toBe(
      'max_over_time(max by (pod) (restarts_total offset -2s175ms)[5m:30s] offset 2s175ms)',
    );
    expect(onPhase('r:restarts offset 1h')).toBe(
      'last_over_time(max by (pod) (restarts_total offset -2s175ms)[30s:30s] offset 1h2s175ms)',
    );
    // Nested: each outer step reads 2.175 s later, so the inner subquery's own offset cancels.
    expect(onPhase('max_over_time(r:increase{window="1m"}[5m])')).toBe(
      'max_over_time(label_replace(max_over_time(max by (pod) (restarts_total offset -2s175ms)[1m:30s]) - ' +
        'min_over_time(max by (pod) (restarts_total offset -2s175ms)[1m:30s]) > 0, "window", "1m", "", "")[5m:30s] ' +
        'offset 2s175ms)',
    );
  });

  it(
    'reads a recording rule of another group half an interval earlier, ' + 'a later one of its own group a whole one',
    () => {
      const groups = [
        { name: 'a', rules: [{ record: 'r:now', expr: 'time() - max(up)' }] },
        { name: 'b', rules: [{ record: 'r:later', expr: 'sum(rate(x[5m] offset 1m))' }] },
      ];
      const inline = recordingInliner(groups, '1m');
      // Read after r:later in group b: r:now (group a) half a minute earlier, r:later as it is.
      expect(print(inline(read('r:now + r:later'), { group: 1, index: 1 }))).toBe(
        'time() - 30 - max(up offset 30s) + sum(rate(x[5m] offset 1m))',
      );
      expect(print(inline(read('r:later'), { group: 0, index: 1 }))).toBe('sum(rate(x[5m] offset 1m30s))');
      // Read before r:later in its own group: r:later of the evaluation before.
      expect(print(inline(read('r:later'), { group: 1, index: 0 }))).toBe('sum(rate(x[5m] offset 2m))');
    },
  );

  it('refuses what it cannot inline: a rule reading its own series, a __name__ selector that may be recorded', () => {
    const looping: RecordingRule[] = [{ record: 'r:self', expr: 'max_over_time(r:self[5m]) or up' }];
    expect(() =>
      recordingInliner([{ name: 'g', rules: looping }], '1m')(read('r:self'), { group: 0, index: 1 }),
    ).toThrow(new InlineError('r:self reads its own series (r:self → r:self)'));
    expect(() => inlined('{__name__=~"r:.*"}')).toThrow(/__name__ matchers may read the recorded series r:restarts/);
    expect(inlined('{__name__=~"kube_.*"}')).toBe('{__name__=~"kube_.*"}');
  });

  const fixtures = readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && readdirSync(join(FIXTURES, entry.name)).includes('headroom.config.ts'))
    .map((entry) => entry.name)
    .sort();
  it.each(fixtures)('every alert of fixture %s reads exporter series only once inlined', async (fixture) => {
    const { model } = await generateFixture(fixture);
    const queries = alertQueries(ruleGroups(model), '1m');
    expect(queries.length).toBeGreaterThan(0);
    for (const query of queries) {
      expect(query.problem, query.alert).toBeUndefined();
      const read = vectorSelectors(query.query!).map((selector) => selector.metric);
      expect(
        read.filter((metric) => metric.startsWith('headroom:')),
        query.alert,
      ).toEqual([]);
    }
  });
});
