// `headroom backtest`: every alerting rule evaluated over a past range against the live store, as a ruler at the
// rules' interval would have evaluated it, whether or not headroom's rules ran there. One range query per rule and
// chunk (recording rules inlined: alert-queries.ts), then Prometheus' `for` applied evaluation by evaluation
// (alert-states.ts) into episodes (episodes.ts). Each rule starts its evaluations `for` before the range, so an alert
// already firing when the range starts is firing at its first step, as on the ruler.
import type { RangeQueryApi } from '../doctor/query-api.ts';
import type { RuleGroup } from '../rules/rule-types.ts';
import { type AlertQuery, alertLabels, alertQueries } from './alert-queries.ts';
import { AlertStates } from './alert-states.ts';
import { type Episode, EpisodeRecorder, type Labels, labelKey } from './episodes.ts';
import { type BacktestRange, phaseMs, rangeChunks, stepsOf, toMillisecond } from './time-range.ts';
import { durationMs } from '../values/duration.ts';

export interface BacktestOptions {
  /** The evaluations reported. */
  range: BacktestRange;
  /** The rules' evaluation interval as a duration (`1m`): the resolution of a recorded series, inlined. */
  interval: string;
  /** The most alert series one rule may return over the range; a rule that returns more is stopped there. */
  maxSeries: number;
  /** The most steps one query covers. */
  maxPoints?: number;
  /** A line per query, for a progress display. */
  progress?: (line: string) => void;
}

export interface RuleBacktest {
  alert: string;
  ruleLabels: Labels;
  holdSeconds: number;
  /** Episodes that overlap the range, by start. */
  episodes: Episode[];
  /** Why the rule was not backtested, or not to the end of the range. */
  problem?: string;
  /** The last evaluation covered, when the budget stopped the rule before the range's end. */
  coveredUntil?: number;
}

export interface Backtest {
  range: BacktestRange;
  rules: RuleBacktest[];
}

/** A day of minutes: Prometheus refuses more than 11,000 points per series. */
const MAX_POINTS = 1440;

export function backtest(
  groups: readonly RuleGroup[],
  api: RangeQueryApi,
  options: BacktestOptions,
): Promise<Backtest> {
  const phase = phaseMs(options.range, durationMs(options.interval));
  return backtestQueries(alertQueries(groups, options.interval, phase), api, options);
}

/** The backtest of some alerting rules only (alert-queries.ts made their queries). */
export async function backtestQueries(
  queries: readonly AlertQuery[],
  api: RangeQueryApi,
  options: BacktestOptions,
): Promise<Backtest> {
  const rules: RuleBacktest[] = [];
  for (const [index, query] of queries.entries()) {
    const name = `${query.alert} ${ruleName(query)} (${index + 1}/${queries.length})`;
    rules.push(await backtestRule(query, api, options, name));
  }
  return { range: options.range, rules };
}

async function backtestRule(
  query: AlertQuery,
  api: RangeQueryApi,
  options: BacktestOptions,
  name: string,
): Promise<RuleBacktest> {
  const { range } = options;
  const result: RuleBacktest = {
    alert: query.alert,
    ruleLabels: query.ruleLabels,
    holdSeconds: query.holdSeconds,
    episodes: [],
  };
  if (query.query === undefined) return { ...result, problem: `not backtested: ${query.problem}` };
  const warmUp = Math.ceil(query.holdSeconds / range.step) * range.step;
  const chunks = rangeChunks({ ...range, start: range.start - warmUp }, options.maxPoints ?? MAX_POINTS);
  const states = new AlertStates(query.holdSeconds);
  const recorder = new EpisodeRecorder();
  const seen = new Set<string>();
  for (const [part, chunk] of chunks.entries()) {
    options.progress?.(chunks.length > 1 ? `${name}, part ${part + 1} of ${chunks.length}` : name);
    const returned = new Map<number, Map<string, Labels>>(stepsOf(chunk).map((time) => [time, new Map()]));
    for (const series of await api.queryRange(query.query, chunk)) {
      const labels = alertLabels(query.alert, series.labels, query.ruleLabels);
      const key = labelKey(labels);
      seen.add(key);
      for (const point of series.points) returned.get(toMillisecond(point.time))?.set(key, labels);
    }
    if (seen.size > options.maxSeries) {
      const coveredUntil = toMillisecond(chunk.start - range.step);
      return {
        ...result,
        episodes: overlapping(recorder.episodes(), range.start),
        problem: `stopped: more than ${options.maxSeries} alert series (--max-series)`,
        coveredUntil,
      };
    }
    for (const [time, present] of returned) recorder.observe(time, states.evaluate(time, present));
  }
  return { ...result, episodes: overlapping(recorder.episodes(), range.start) };
}

/** Episodes that had not ended before `start` (the warm-up's own are left out). */
function overlapping(episodes: Episode[], start: number): Episode[] {
  return episodes.filter((episode) => episode.endedAt === undefined || episode.endedAt > start);
}

/** The rule among its alert's: its labels but severity's value first, e.g. `severity=warning, for=15s`. */
function ruleName(query: AlertQuery): string {
  const { severity, ...rest } = query.ruleLabels;
  const parts = [
    ...(severity === undefined ? [] : [`severity=${severity}`]),
    ...Object.entries(rest).map(([k, v]) => `${k}=${v}`),
  ];
  return parts.length === 0 ? '' : `{${parts.join(', ')}}`;
}
