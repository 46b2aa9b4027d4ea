// `headroom backtest` on the command line (in-process): the report on stdout, progress on stderr, exit 2 with one line
// when the store cannot be asked or a flag is wrong.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BacktestReport } from '../../src/backtest/report.ts';
import { createServer } from 'node:http';
import { closeServer, listenOnLoopback } from '../e2e/harness/loopback-server.ts';
import { type FakeRangeStore, fakeRangeStore } from './fake-range-store.ts';
import { FIXTURES, REPO_ROOT } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-cli.ts';

const CONFIG = join(FIXTURES, 'e2e', 'headroom.config.ts');
const UNTIL = 1_800_000_000;

let store: FakeRangeStore;
let url: string;
let asked: URLSearchParams[];

/** A store where one node is under memory pressure for the whole range; every other alert's query finds nothing. */
beforeAll(async () => {
  store = await fakeRangeStore((query) => ({
    labels: query.includes('status="true"') ? [{ cluster: 'dev-1', node: 'node-1', team: 'platform' }] : [],
    value: '1',
  }));
  ({ url, asked } = store);
});

afterAll(() => store.close());

const args = (...extra: string[]) => [
  'backtest',
  ...['--config', CONFIG, '--prometheus', url, '--since', '10m', '--until', String(UNTIL)],
  ...extra,
];

describe('headroom backtest', () => {
  it('reports per team and alert on stdout, a line per query on stderr', async () => {
    const result = await runCli(args('--format', 'json'), REPO_ROOT);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as BacktestReport;
    expect(report.range).toEqual({
      from: '2027-01-15T07:50:00Z',
      to: '2027-01-15T08:00:00Z',
      stepSeconds: 60,
      interval: '1m',
    });
    expect(report.alerts.map((alert) => [alert.team, alert.alert, alert.alerts, alert.episodes[0]?.firingAt])).toEqual([
      // Active since the warm-up (for: 2m before the range): firing at the range's first step.
      ['platform', 'NodeMemoryPressure', 1, '2027-01-15T07:50:00Z'],
    ]);
    // One range query per rule, and the probe before them.
    expect(report.queries).toBe(report.rules + 1);
    expect(report.rules).toBeGreaterThan(5);
    // The first rule's for (15s) rounded up to the step: one step of warm-up.
    expect(asked[0]!.get('start')).toBe(String(UNTIL - 600 - 60));
    const progress = result.stderr.trimEnd().split('\n');
    expect(progress).toHaveLength(report.rules);
    // The tunable alerts only: headroom's alerts about itself say nothing of what a change would page.
    expect(result.stderr).not.toMatch(/HeadroomInputMissing|HeadroomRulesFailing/);
    expect(progress[0]).toMatch(
      /^headroom backtest: ContainerMemoryNearLimit \{severity=warning, for=15s\} \(1\/\d+\)…$/,
    );
    const text = await runCli(args(), REPO_ROOT);
    expect(text.stdout).toContain('platform:\n  NodeMemoryPressure: 1 alert, firing 10m in all\n');
  });

  it('exits 2 with one line when the store cannot be reached, or the step is finer than the interval', async () => {
    const closed = createServer();
    const port = await listenOnLoopback(closed, 'closed');
    await closeServer(closed);
    const unreachable = await runCli(
      ['backtest', '--config', CONFIG, '--prometheus', `http://127.0.0.1:${port}`],
      REPO_ROOT,
    );
    expect(unreachable).toEqual({
      code: 2,
      stdout: '',
      stderr: `headroom backtest: cannot reach http://127.0.0.1:${port}: ECONNREFUSED\n`,
    });
    const finer = await runCli(args('--interval', '1m', '--step', '30s'), REPO_ROOT);
    expect(finer).toEqual({
      code: 2,
      stdout: '',
      stderr: 'headroom backtest: --step 30s is finer than --interval 1m: a ruler evaluates no more often\n',
    });
  });

  it.each([
    [['--since', '7days'], /--since <duration>' argument '7days' is invalid\. expected a Prometheus duration/],
    [['--interval', '1500ms'], /--interval takes whole seconds, at least 1s/],
    [['--until', 'yesterday'], /expected an RFC 3339 time/],
    [['--max-series', '0'], /expected a whole number > 0/],
  ])('exits 2 on a bad flag: %j', async (flags, message) => {
    const result = await runCli(args(...flags), REPO_ROOT);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });
});
