// Ctrl-C (SIGINT), SIGTERM (a CI job cancelled, `kill`) and SIGHUP (the terminal closed) while `generate` writes:
// left to their default, they would kill the process mid-write and leave the lock file and a half-written staging
// folder beside the output folder, where `git add -A` would commit them. While `work` runs they abort it instead;
// the writer removes what it made and leaves the output folder as it was, and the command exits 128 + the signal's
// number, as a shell reports a process killed by it. Outside `work` the signals keep their default.
import { constants } from 'node:os';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const satisfies readonly NodeJS.Signals[];

/** The reason of the abort: which signal stopped the run. */
class StoppedBySignal extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`stopped by ${signal}`);
  }

  /** What a shell shows for a process a signal ended: 130 for SIGINT, 143 for SIGTERM. */
  get exitCode(): number {
    return 128 + constants.signals[this.signal];
  }
}

/** `work`'s value, or the signal that stopped it (after it cleaned up). */
export async function stoppableBySignals<T>(
  work: (abort: AbortSignal) => Promise<T>,
): Promise<{ done: T } | { stopped: StoppedBySignal }> {
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals) => controller.abort(new StoppedBySignal(signal));
  for (const signal of STOP_SIGNALS) process.on(signal, stop);
  try {
    return { done: await work(controller.signal) };
  } catch (error) {
    if (error instanceof StoppedBySignal) return { stopped: error };
    throw error;
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, stop);
  }
}
