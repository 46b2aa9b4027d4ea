// What backtest and `diff --prometheus` share from their flags: the store's client, the range (--since, --until on the
// grid of --step), the rules' interval, the budget, progress lines on stderr. A step finer than the interval is
// refused: a ruler evaluates no more often than its interval, and every step is a point of every query.
import type { BacktestOptions } from '../backtest/backtest.ts';
import { lastRange } from '../backtest/time-range.ts';
import type { RangeQueryApi } from '../doctor/query-api.ts';
import { StoreError } from '../doctor/store-error.ts';
import { durationMs } from '../values/duration.ts';
import { type OutputStream, printLine } from './cli-io.ts';
import type { BacktestRunOptions, StoreOptions } from './options.ts';
import { storeApi } from './store-api.ts';

interface BacktestSetup {
  api: RangeQueryApi;
  options: BacktestOptions;
}

/**
 * `io`: the environment (credentials) and where progress goes (nowhere without a stream); `command` names the command
 * in progress lines (`headroom backtest: …`).
 */
export function backtestSetup(
  flags: StoreOptions & BacktestRunOptions,
  io: { env: NodeJS.ProcessEnv; stderr: OutputStream | undefined },
  command: string,
): BacktestSetup {
  const step = flags.step ?? flags.interval;
  if (durationMs(step) < durationMs(flags.interval))
    throw new StoreError(`--step ${step} is finer than --interval ${flags.interval}: a ruler evaluates no more often`);
  const api = storeApi(flags, io.env);
  const end = { ...(flags.until === undefined ? {} : { at: flags.until }), now: Date.now() / 1000 };
  const range = lastRange(durationMs(flags.since) / 1000, durationMs(step) / 1000, end);
  return {
    api,
    options: {
      range,
      interval: flags.interval,
      maxSeries: flags.maxSeries,
      progress: (line) => {
        if (io.stderr !== undefined) printLine(io.stderr, `headroom ${command}: ${line}…`);
      },
    },
  };
}
