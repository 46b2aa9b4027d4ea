// How many cases each property runs: a few hundred in all under `npm test`; `npm run fuzz -- --runs N` sets
// HEADROOM_FUZZ_RUNS to N cases in all, shared out in the same proportions, and HEADROOM_FUZZ_REPORT to a file where
// every property appends its figures (bin/fuzz.js sums them).
import { appendFileSync } from 'node:fs';

/** Cases of each property under `npm test`; their sum is the default total. */
const DEFAULT_CASES = {
  generates: 60,
  promtoolCheck: 40,
  owners: 40,
  invalidInProcess: 60,
  invalidCli: 6,
  large: 1,
  everyAlert: 2,
} as const;

export type PropertyName = keyof typeof DEFAULT_CASES;

const DEFAULT_TOTAL = Object.values(DEFAULT_CASES).reduce((sum, n) => sum + n, 0);
const requested = Number(process.env.HEADROOM_FUZZ_RUNS);
export const LONG_RUN = Number.isFinite(requested) && requested > 0;

export function casesOf(property: PropertyName): number {
  if (!LONG_RUN) return DEFAULT_CASES[property];
  return Math.max(1, Math.round((DEFAULT_CASES[property] * requested) / DEFAULT_TOTAL));
}

/** The seed of a run: fixed under `npm test` (a red test stays red), random in the long run unless given. */
export function seedOf(): number | undefined {
  const given = Number(process.env.HEADROOM_FUZZ_SEED);
  if (Number.isFinite(given) && process.env.HEADROOM_FUZZ_SEED) return given;
  return LONG_RUN ? undefined : 20261203;
}

/**
 * Counts the cases a property checked until its first failure (fast-check's shrinking reruns it many times more:
 * those are not counted), and writes them to the report when the property ends.
 */
export class CaseCounter {
  private checked = 0;
  private failed = 0;
  private started: number | undefined;
  private ended: number | undefined;
  constructor(readonly property: string) {}
  get cases(): number {
    return this.checked;
  }
  set cases(value: number) {
    this.started ??= Date.now();
    if (this.failed === 0) this.checked = value;
    this.ended = Date.now();
  }
  get failures(): number {
    return this.failed;
  }
  set failures(value: number) {
    if (this.failed === 0) this.failed = Math.min(value, 1);
  }
  report(): void {
    const file = process.env.HEADROOM_FUZZ_REPORT;
    if (!file) return;
    const ms = this.started === undefined ? 0 : (this.ended ?? this.started) - this.started;
    appendFileSync(
      file,
      `${JSON.stringify({ property: this.property, cases: this.checked, failures: this.failed, ms })}\n`,
    );
  }
}
