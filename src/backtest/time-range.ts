// The evaluation times of a backtest: every step from start to end, as a ruler evaluating at that interval would,
// cut into range queries a store accepts. Times are seconds since the epoch, to the millisecond (a ruler evaluates a
// group at an offset of its own within the interval: a range ending at one of its evaluations evaluates when it does).
import type { QueryRange } from '../doctor/query-api.ts';

export interface BacktestRange {
  start: number;
  end: number;
  step: number;
}

/**
 * The steps of the last `sinceSeconds` up to `endSeconds` (given), or up to now on the grid of multiples of the step
 * (as Grafana aligns its range queries).
 */
export function lastRange(sinceSeconds: number, stepSeconds: number, end: { at?: number; now: number }): BacktestRange {
  const last = end.at ?? Math.floor(end.now / stepSeconds) * stepSeconds;
  return { start: last - Math.floor(sinceSeconds / stepSeconds) * stepSeconds, end: last, step: stepSeconds };
}

/**
 * The range as consecutive queries of at most `maxPoints` steps each (Prometheus refuses more than 11,000 points per
 * series; a day a query keeps each one's cost and answer small), in time order, none overlapping.
 */
export function rangeChunks(range: BacktestRange, maxPoints: number): QueryRange[] {
  const chunks: QueryRange[] = [];
  const steps = Math.round((range.end - range.start) / range.step) + 1;
  for (let first = 0; first < steps; first += maxPoints) {
    const last = Math.min(steps, first + maxPoints) - 1;
    chunks.push({
      start: toMillisecond(range.start + first * range.step),
      end: toMillisecond(range.start + last * range.step),
      step: range.step,
    });
  }
  return chunks;
}

/** The steps of a query, in order, to the millisecond. */
export function stepsOf(range: QueryRange): number[] {
  const steps: number[] = [];
  const count = Math.round((range.end - range.start) / range.step);
  for (let k = 0; k <= count; k++) steps.push(toMillisecond(range.start + k * range.step));
  return steps;
}

/** A time as the store answers it: seconds to the millisecond, so that equal times compare equal. */
export function toMillisecond(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/** Where the range's evaluations fall within the rules' interval, in milliseconds (0: on its multiples). */
export function phaseMs(range: BacktestRange, intervalMs: number): number {
  return ((Math.round(range.start * 1000) % intervalMs) + intervalMs) % intervalMs;
}
