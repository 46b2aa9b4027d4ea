// Issue 17's proof of faithfulness: `headroom backtest` over the run must report the alert episodes the Prometheus
// that ran the rules actually had (its ALERTS series), each pending, firing and resolved within one evaluation
// interval. Each rule group evaluates at an offset of its own within the interval: the backtest runs once per group
// seen, with --until at one of that group's evaluations (read from ALERTS' own sample times), so that it evaluates
// when the group did; what is left is what no backtest can know (episode-match.ts).
import type { Episode } from '../../../src/backtest/episodes.ts';
import type { BacktestReport } from '../../../src/backtest/report.ts';
import { type BacktestRange, toMillisecond } from '../../../src/backtest/time-range.ts';
import { queryApi } from '../../../src/doctor/query-api.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { episodeDifferences } from './episode-match.ts';
import { firedEpisodes } from './fired-alerts.ts';

export interface BacktestCheck {
  problems: string[];
  /** Episodes the server had, per evaluation grid. */
  fired: Episode[];
  backtested: Episode[];
  /** The CLI's runs: arguments and stderr. */
  runs: { args: string[]; stderr: string }[];
}

/**
 * `from`: seconds since the epoch, after the server's first evaluations; `interval`: the rules' evaluation interval
 * in seconds.
 */
export async function checkBacktest(
  url: string,
  config: string,
  from: number,
  interval: number,
): Promise<BacktestCheck> {
  const now = Date.now() / 1000;
  const offsets = await groupOffsets(url, { start: from, end: now, step: interval });
  const check: BacktestCheck = { problems: [], fired: [], backtested: [], runs: [] };
  const grids = [...new Set(offsets.values())].sort();
  if (grids.length === 0) check.problems.push('the server fired no alert: nothing to compare');
  for (const [i, offset] of grids.entries()) {
    // The last evaluation of the group a second or more ago (written by now), and the range back to `from`.
    const end = toMillisecond(Math.floor((now - 1 - offset) / interval) * interval + offset);
    const since = Math.floor((end - from) / interval) * interval;
    const range: BacktestRange = { start: toMillisecond(end - since), end, step: interval };
    const args = [
      'backtest',
      ...['--config', config, '--prometheus', url, '--interval', `${interval}s`],
      ...['--since', `${since}s`, '--until', String(end), '--format', 'json'],
    ];
    const result = await runCli(args, process.cwd());
    check.runs.push({ args, stderr: result.stderr });
    if (result.code !== 0) {
      check.problems.push(`headroom ${args.join(' ')}: exit ${result.code}\n${result.stderr}`);
      continue;
    }
    // This grid's alerts; on the first, also those the server never had (the backtest must not have them either).
    const here = (alert: string) => offsets.get(alert) === offset || (i === 0 && !offsets.has(alert));
    const backtested = episodesOf(JSON.parse(result.stdout) as BacktestReport).filter((episode) =>
      here(episode.labels.alertname!),
    );
    const fired = (await firedEpisodes(url, range)).filter((episode) => here(episode.labels.alertname!));
    check.fired.push(...fired);
    check.backtested.push(...backtested);
    check.problems.push(...episodeDifferences(fired, backtested, range, interval));
  }
  return check;
}

/** Per alert name, the offset of its group's evaluations within the interval (seconds), from ALERTS' sample times. */
async function groupOffsets(url: string, range: BacktestRange): Promise<Map<string, number>> {
  const api = queryApi({ url, env: {} });
  const offsets = new Map<string, number>();
  for (const series of await api.queryRange('max by (alertname) (timestamp(ALERTS))', range)) {
    const time = series.points[0]?.value;
    if (time !== undefined) offsets.set(series.labels.alertname!, toMillisecond(time % range.step));
  }
  return offsets;
}

function episodesOf(report: BacktestReport): Episode[] {
  const seconds = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso) / 1000);
  return report.alerts.flatMap((alert) =>
    alert.episodes.map((episode) => ({
      labels: episode.labels,
      pendingAt: seconds(episode.pendingAt)!,
      ...(episode.firingAt === undefined ? {} : { firingAt: seconds(episode.firingAt)! }),
      ...(episode.endedAt === undefined ? {} : { endedAt: seconds(episode.endedAt)! }),
    })),
  );
}
