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

/** Counts the cases a property checked, and writes them to the report when the property ends. */
export class CaseCounter {
  cases = 0;
  failures = 0;
  private readonly started = Date.now();
  constructor(readonly property: string) {}
  report(): void {
    const file = process.env.HEADROOM_FUZZ_REPORT;
    if (!file) return;
    appendFileSync(file, `${JSON.stringify({ property: this.property, cases: this.cases, failures: this.failures, ms: Date.now() - this.started })}\n`);
  }
}
