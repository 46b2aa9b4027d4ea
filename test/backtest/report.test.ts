// The backtest's report: per team (the alert's team label) and alert, the alerts that fired and those only pending,
// firing time within the range, each episode, the containers, namespaces and nodes that fired longest; its formats.
import { describe, expect, it } from 'vitest';
import type { Backtest } from '../../src/backtest/backtest.ts';
import { formatReport } from '../../src/backtest/format-report.ts';
import { backtestReport } from '../../src/backtest/report.ts';

const container = (team: string, namespace: string, pod: string) => ({
  alertname: 'ContainerMemoryNearLimit',
  cluster: 'prod',
  namespace,
  pod,
  container: 'app',
  severity: 'warning',
  team,
});

const result: Backtest = {
  range: { start: 1_800_000_000, end: 1_800_003_600, step: 60 },
  rules: [
    {
      alert: 'ContainerMemoryNearLimit',
      ruleLabels: { severity: 'warning' },
      holdSeconds: 300,
      episodes: [
        // Fired before the range: only its time within the range counts.
        {
          labels: container('payments', 'shop', 'api-0'),
          pendingAt: 1_799_999_700,
          firingAt: 1_799_999_940,
          endedAt: 1_800_000_600,
        },
        { labels: container('payments', 'shop', 'api-0'), pendingAt: 1_800_001_000, firingAt: 1_800_001_300 },
        {
          labels: container('payments', 'shop', 'api-1'),
          pendingAt: 1_800_000_100,
          firingAt: 1_800_000_400,
          endedAt: 1_800_000_500,
        },
        { labels: container('payments', 'cart', 'web-0'), pendingAt: 1_800_002_000, endedAt: 1_800_002_120 },
        {
          labels: container('search', 'index', 'es-0'),
          pendingAt: 1_800_000_000,
          firingAt: 1_800_000_300,
          endedAt: 1_800_000_900,
        },
      ],
    },
    {
      alert: 'NodeMemoryPressure',
      ruleLabels: { severity: 'critical' },
      holdSeconds: 120,
      episodes: [
        {
          labels: { alertname: 'NodeMemoryPressure', cluster: 'prod', node: 'n1', severity: 'critical' },
          pendingAt: 1_800_000_060,
          firingAt: 1_800_000_180,
          endedAt: 1_800_000_240,
        },
      ],
    },
    { alert: 'ContainerMemoryLeak', ruleLabels: {}, holdSeconds: 0, episodes: [] },
    {
      alert: 'PodsEvicted',
      ruleLabels: { window: '10m' },
      holdSeconds: 0,
      episodes: [],
      problem: 'stopped: more than 10 alert series (--max-series)',
      coveredUntil: 1_800_001_800,
    },
  ],
};

const report = backtestReport(result, {
  store: 'http://prometheus:9090',
  interval: '1m',
  queries: 4,
  clusterLabel: 'cluster',
});

describe('the backtest report', () => {
  it('groups alerts by team, counts fired and pending-only episodes and the firing time within the range', () => {
    expect(
      report.alerts.map((alert) => [alert.team, alert.alert, alert.alerts, alert.pendingOnly, alert.firingSeconds]),
    ).toEqual([
      ['(no team)', 'NodeMemoryPressure', 1, 0, 60],
      ['payments', 'ContainerMemoryNearLimit', 3, 1, 600 + 2300 + 100],
      ['search', 'ContainerMemoryNearLimit', 1, 0, 600],
    ]);
    const payments = report.alerts[1]!;
    expect(
      payments.episodes.map((episode) => [episode.subject, episode.pendingAt, episode.firingAt, episode.endedAt]),
    ).toEqual([
      ['prod/shop/api-0/app', '2027-01-15T07:55:00Z', '2027-01-15T07:59:00Z', '2027-01-15T08:10:00Z'],
      ['prod/shop/api-1/app', '2027-01-15T08:01:40Z', '2027-01-15T08:06:40Z', '2027-01-15T08:08:20Z'],
      ['prod/shop/api-0/app', '2027-01-15T08:16:40Z', '2027-01-15T08:21:40Z', undefined],
      ['prod/cart/web-0/app', '2027-01-15T08:33:20Z', undefined, '2027-01-15T08:35:20Z'],
    ]);
    expect(payments.top).toEqual({
      containers: [
        { name: 'prod/shop/api-0/app', firingSeconds: 2900, alerts: 2 },
        { name: 'prod/shop/api-1/app', firingSeconds: 100, alerts: 1 },
      ],
      namespaces: [{ name: 'prod/shop', firingSeconds: 3000, alerts: 3 }],
      nodes: [],
    });
    expect(report.alerts[0]!.top.nodes).toEqual([{ name: 'prod/n1', firingSeconds: 60, alerts: 1 }]);
    expect(report.quiet).toEqual(['ContainerMemoryLeak', 'PodsEvicted']);
    expect(report.problems).toEqual([
      'PodsEvicted {window=10m}: stopped: more than 10 alert series (--max-series); covered until 2027-01-15T08:30:00Z',
    ]);
  });

  it('reads as text, markdown and JSON', () => {
    const text = formatReport(report, 'text');
    expect(text.split('\n').slice(0, 4)).toEqual([
      'headroom backtest: 5 alerts of 3 teams from 2027-01-15 08:00:00Z to 2027-01-15 09:00:00Z, every 1m (4 rules ' +
        'evaluated at a 1m interval; 4 queries to http://prometheus:9090)',
      '',
      '(no team):',
      '  NodeMemoryPressure: 1 alert, firing 1m in all',
    ]);
    expect(text).toContain(
      '  ContainerMemoryNearLimit: 3 alerts, firing 50m in all; 1 more only pending\n' +
        '    top containers: prod/shop/api-0/app (48m 20s, 2), prod/shop/api-1/app (1m 40s, 1)\n' +
        '    top namespaces: prod/shop (50m, 3)\n' +
        '    - prod/shop/api-0/app [warning]: pending 2027-01-15 07:55:00Z → firing 2027-01-15 07:59:00Z → resolved ' +
        '2027-01-15 08:10:00Z (10m firing)\n',
    );
    expect(text).toContain(
      '- prod/shop/api-0/app [warning]: pending 2027-01-15 08:16:40Z → firing 2027-01-15 08:21:40Z → still active ' +
        '(38m 20s firing)',
    );
    expect(text).toContain('Never pending: ContainerMemoryLeak, PodsEvicted\nNot backtested in full: PodsEvicted');
    const markdown = formatReport(report, 'markdown');
    expect(markdown).toContain(
      '**payments**\n\n- ContainerMemoryNearLimit: 3 alerts, firing 50m in all; 1 more only pending',
    );
    expect(markdown).toContain('  - top namespaces: prod/shop (50m, 3)');
    expect(JSON.parse(formatReport(report, 'json'))).toEqual(report);
  });
});
