// A store for backtest's tests, in-process: each series is present at the times a function says, with value 1;
// range queries answer those of their steps, and every query is kept to look at.
import type { QueryRange, RangeQueryApi, Series } from '../../src/doctor/query-api.ts';

interface CannedSeries {
  labels: Record<string, string>;
  /** Whether the series has a value at `time` (seconds). */
  at: (time: number) => boolean;
}

interface FakeStore extends RangeQueryApi {
  asked: { expr: string; range: QueryRange }[];
}

/** `answer` gives the series a query returns, by its text. */
export function fakeStore(answer: (expr: string) => CannedSeries[]): FakeStore {
  const asked: FakeStore['asked'] = [];
  return {
    store: 'http://store.test',
    asked,
    get queries() {
      return asked.length;
    },
    async query() {
      throw new Error('backtest sends range queries only');
    },
    async queryRange(expr, range) {
      asked.push({ expr, range });
      const steps: number[] = [];
      for (let time = range.start; time <= range.end; time += range.step) steps.push(time);
      return answer(expr)
        .map(
          (canned): Series => ({
            labels: canned.labels,
            points: steps.filter((time) => canned.at(time)).map((time) => ({ time, value: 1 })),
          }),
        )
        .filter((series) => series.points.length > 0);
    },
  };
}
