// The backtest over a fake store: what it asks (one range query per rule and chunk, recording rules inlined, the
// range started `for` early), how series become alerts (the rule's labels over the series', alertname), the budget.
import { describe, expect, it } from 'vitest';
import { backtest } from '../../src/backtest/backtest.ts';
import type { RuleGroup } from '../../src/rules/rule-types.ts';
import { fakeStore } from './fake-store.ts';

const groups: RuleGroup[] = [
  {
    name: 'headroom-test',
    rules: [
      { record: 'headroom:down:count', expr: 'count by (job) (up == 0)' },
      {
        alert: 'JobDown',
        expr: 'headroom:down:count > 0',
        for: '10s',
        labels: { severity: 'warning', job: '' },
        annotations: {},
      },
    ],
  },
];

const range = { start: 1000, end: 1100, step: 5 };

describe('backtest', () => {
  it('asks one range query per rule, with the recording rules inlined, from `for` before the range', async () => {
    const store = fakeStore(() => []);
    const result = await backtest(groups, store, { range, interval: '5s', maxSeries: 10 });
    expect(store.asked).toEqual([{ expr: 'count by (job) (up == 0) > 0', range: { start: 990, end: 1100, step: 5 } }]);
    expect(result.rules).toEqual([
      { alert: 'JobDown', ruleLabels: { severity: 'warning', job: '' }, holdSeconds: 10, episodes: [] },
    ]);
  });

  it("turns series into alerts: the rule's labels over the series' (empty removes), alertname", async () => {
    const store = fakeStore(() => [
      { labels: { __name__: 'x', job: 'api', team: 'payments', severity: 'info' }, at: (t) => t >= 1020 && t < 1050 },
    ]);
    const { rules } = await backtest(groups, store, { range, interval: '5s', maxSeries: 10 });
    expect(rules[0]!.episodes).toEqual([
      {
        labels: { team: 'payments', severity: 'warning', alertname: 'JobDown' },
        pendingAt: 1020,
        firingAt: 1030,
        endedAt: 1050,
      },
    ]);
  });

  it('an alert active since before the range fires at its first step; older episodes are left out', async () => {
    const store = fakeStore(() => [
      { labels: { pod: 'a' }, at: (t) => t < 1000 },
      { labels: { pod: 'b' }, at: (t) => t < 995 },
      { labels: { pod: 'c' }, at: (t) => t >= 990 && t <= 1010 },
    ]);
    const { rules } = await backtest(groups, store, { range, interval: '5s', maxSeries: 10 });
    expect(rules[0]!.episodes.map(({ labels, ...times }) => times)).toEqual([
      // c: pending at 990 (before the range), firing at 1000, its first step.
      { pendingAt: 990, firingAt: 1000, endedAt: 1015 },
    ]);
  });

  it('cuts the range into queries of at most maxPoints steps, and carries alerts across them', async () => {
    const store = fakeStore(() => [{ labels: { job: 'a' }, at: (t) => t >= 1003 && t < 1040 }]);
    const { rules } = await backtest(groups, store, { range, interval: '5s', maxSeries: 10, maxPoints: 4 });
    expect(store.asked.map((ask) => [ask.range.start, ask.range.end])).toEqual([
      [990, 1005],
      [1010, 1025],
      [1030, 1045],
      [1050, 1065],
      [1070, 1085],
      [1090, 1100],
    ]);
    expect(rules[0]!.episodes.map(({ labels, ...times }) => times)).toEqual([
      { pendingAt: 1005, firingAt: 1015, endedAt: 1040 },
    ]);
  });

  it('stops a rule whose series pass --max-series, saying until when it covered the range', async () => {
    const store = fakeStore(() => [
      { labels: { pod: 'a' }, at: (t) => t >= 1000 },
      { labels: { pod: 'b' }, at: (t) => t >= 1040 },
    ]);
    const { rules } = await backtest(groups, store, { range, interval: '5s', maxSeries: 1, maxPoints: 6 });
    expect(rules[0]).toMatchObject({
      problem: 'stopped: more than 1 alert series (--max-series)',
      coveredUntil: 1015,
      episodes: [{ pendingAt: 1000, firingAt: 1010 }],
    });
    expect(rules[0]!.episodes[0]!.endedAt).toBeUndefined();
  });

  it('says why a rule cannot be backtested (it reads its own series) and asks nothing for it', async () => {
    const store = fakeStore(() => []);
    const looping: RuleGroup[] = [
      {
        name: 'g',
        rules: [
          { record: 'headroom:a', expr: 'headroom:b + 1' },
          { record: 'headroom:b', expr: 'max_over_time(headroom:a[5m])' },
          { alert: 'Loop', expr: 'headroom:a > 0', labels: {}, annotations: {} },
        ],
      },
    ];
    const { rules } = await backtest(looping, store, { range, interval: '5s', maxSeries: 10 });
    expect(rules[0]!.problem).toBe(
      'not backtested: headroom:a reads its own series (headroom:a → headroom:b → headroom:a)',
    );
    expect(store.asked).toEqual([]);
  });
});
