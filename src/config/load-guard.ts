// The config is code that runs inside headroom while it loads. These guards keep it from deciding headroom's
// outcome: `process.exit(0)` would make `check` pass, `console.log` would corrupt `diff --format json` on stdout,
// and a top-level `await` that never settles would hang (or let Node quit with code 13 and no word).
// They hold only while the config loads: callbacks it leaves behind run unguarded (docs/configuration.md says so).
import { InputError } from './input-error.ts';
import { shownText } from './shown-text.ts';

/** Default for HEADROOM_CONFIG_TIMEOUT_MS: far above any honest config (a cold load takes under a second). */
const DEFAULT_TIMEOUT_MS = 30_000;

/** The config called process.exit while loading; `code` is what it asked for. */
export class ConfigExitCalled extends Error {
  constructor(readonly code: unknown) {
    super(`the config called process.exit(${code === undefined ? '' : shownText(String(code), 20)})`);
  }
}

export class ConfigTimedOut extends Error {
  constructor(readonly milliseconds: number) {
    super(
      `the config did not finish loading within ${milliseconds / 1000} s (a top-level await that never settles?); ` +
        `HEADROOM_CONFIG_TIMEOUT_MS sets the limit`,
    );
  }
}

export function configTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.HEADROOM_CONFIG_TIMEOUT_MS;
  if (text === undefined || text === '') return DEFAULT_TIMEOUT_MS;
  const value = Number(text);
  // setTimeout fires at once for more than 2^31 - 1 ms (about 24 days).
  if (Number.isFinite(value) && value > 0) return Math.min(value, 2 ** 31 - 1);
  throw new InputError([
    {
      file: 'HEADROOM_CONFIG_TIMEOUT_MS',
      message: `must be a positive number of milliseconds, got "${shownText(text, 20)}"`,
    },
  ]);
}

/**
 * Runs `load` with stdout sent to stderr and process.exit refused, for at most `timeoutMs`.
 * A process.exit the config catches (`try { process.exit(0) } catch {}`) is still refused: the call is remembered.
 */
export async function guardedLoad<T>(load: () => Promise<T>, timeoutMs: number): Promise<T> {
  const { exit } = process;
  const stdoutWrite = process.stdout.write;
  let exitCalled: ConfigExitCalled | undefined;
  process.exit = ((code?: unknown) => {
    exitCalled ??= new ConfigExitCalled(code);
    throw exitCalled;
  }) as typeof process.exit;
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  let timer: NodeJS.Timeout | undefined;
  // The timer keeps Node alive while the config awaits something that will never come.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConfigTimedOut(timeoutMs)), timeoutMs);
  });
  try {
    const value = await Promise.race([load(), timeout]);
    if (exitCalled) throw exitCalled;
    return value;
  } catch (error) {
    throw exitCalled ?? error;
  } finally {
    clearTimeout(timer);
    process.exit = exit;
    process.stdout.write = stdoutWrite;
  }
}
