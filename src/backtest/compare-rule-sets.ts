// What a change of the rules does to the alerts, measured on the past: for every alert whose rules changed between
// two rule sets (its expression with the recording rules it reads inlined, its `for` or its labels — so a threshold
// that lives in the teams table changes the alert too), both sets are backtested over the same range and the alerts
// that fired are counted per team. `headroom diff --prometheus` prints "last 7 days: N alerts before → M after".
import type { RangeQueryApi } from '../doctor/query-api.ts';
import type { RuleGroup } from '../rules/rule-types.ts';
import { byCodePoint } from '../values/ordering.ts';
import { type AlertQuery, alertQueries } from './alert-queries.ts';
import { type Backtest, type BacktestOptions, backtestQueries } from './backtest.ts';
import { teamOf } from './report.ts';
import { phaseMs } from './time-range.ts';
import { durationMs } from '../values/duration.ts';

export interface AlertCounts {
  /** The alerts' team label; "(no team)" where they have none. */
  team: string;
  alert: string;
  /** Alerts (episodes that fired) with the old rules, and with the new. */
  before: number;
  after: number;
}

export interface BacktestComparison {
  /** The store asked, without credentials. */
  store: string;
  /** How far back, as given (`7d`). */
  since: string;
  /** Alerts whose rules changed, sorted. */
  changed: string[];
  /** Per team and changed alert that fired on either side, sorted by team, then alert. */
  counts: AlertCounts[];
  /** Rules that could not be backtested, or not to the end of the range. */
  problems: string[];
}

export async function compareRuleSets(
  before: readonly RuleGroup[],
  after: readonly RuleGroup[],
  api: RangeQueryApi,
  options: BacktestOptions & { since: string },
): Promise<BacktestComparison> {
  const phase = phaseMs(options.range, durationMs(options.interval));
  const [old, current] = [alertQueries(before, options.interval, phase), alertQueries(after, options.interval, phase)];
  const changed = [...new Set([...old, ...current].map((query) => query.alert))]
    .filter((alert) => signature(old, alert) !== signature(current, alert))
    .sort(byCodePoint);
  const run = async (queries: AlertQuery[], side: string) =>
    backtestQueries(
      queries.filter((query) => changed.includes(query.alert)),
      api,
      { ...options, progress: (line) => options.progress?.(`${side}: ${line}`) },
    );
  const was = await run(old, 'before');
  const is = await run(current, 'after');
  const [beforeCounts, afterCounts] = [firedPerTeam(was), firedPerTeam(is)];
  const counts = [...new Set([...beforeCounts.keys(), ...afterCounts.keys()])]
    .map((key): AlertCounts => {
      const [team, alert] = JSON.parse(key) as [string, string];
      return { team, alert, before: beforeCounts.get(key) ?? 0, after: afterCounts.get(key) ?? 0 };
    })
    .sort((a, b) => byCodePoint(a.team, b.team) || byCodePoint(a.alert, b.alert));
  const problems = [
    ...was.rules.flatMap((rule) => (rule.problem === undefined ? [] : [`${rule.alert} before: ${rule.problem}`])),
    ...is.rules.flatMap((rule) => (rule.problem === undefined ? [] : [`${rule.alert} after: ${rule.problem}`])),
  ];
  return { store: api.store, since: options.since, changed, counts, problems };
}

/** An alert's rules as the ruler would run them: inlined query, `for`, labels; sorted, so order does not count. */
function signature(queries: readonly AlertQuery[], alert: string): string {
  return JSON.stringify(
    queries
      .filter((query) => query.alert === alert)
      .map((query) => JSON.stringify([query.query ?? query.problem, query.holdSeconds, query.ruleLabels]))
      .sort(byCodePoint),
  );
}

/** Episodes that fired, per [team, alert] as JSON. */
function firedPerTeam(result: Backtest): Map<string, number> {
  const counts = new Map<string, number>();
  for (const rule of result.rules) {
    for (const episode of rule.episodes) {
      if (episode.firingAt === undefined) continue;
      const key = JSON.stringify([teamOf(episode.labels), rule.alert]);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}
