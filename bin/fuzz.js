#!/usr/bin/env node
// The long fuzz run: the property tests of test/fuzz with N cases in all (shared out like `npm test`'s few hundred),
// a random seed unless --seed is given, no per-test timeout. Prints cases, failures and time per property and in all.
//   npm run fuzz -- --runs 10000 [--seed 42]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a positive whole number, got ${values.runs}`);
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'headroom-fuzz-report-'));
const report = join(dir, 'report.jsonl');
const env = {
  ...process.env,
  HEADROOM_FUZZ_RUNS: String(runs),
  HEADROOM_FUZZ_REPORT: report,
  ...(values.seed ? { HEADROOM_FUZZ_SEED: values.seed } : {}),
};
const started = Date.now();
const vitest = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', 'test/fuzz', '--testTimeout=0', '--hookTimeout=0'],
  {
    cwd: new URL('..', import.meta.url),
    env,
    stdio: 'inherit',
  },
);
const seconds = (Date.now() - started) / 1000;
let lines = [];
try {
  lines = readFileSync(report, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
} catch {
  // No report: vitest failed before any property ended.
}
rmSync(dir, { recursive: true, force: true });
console.log(
  `\nheadroom fuzz: ${runs} cases requested${
    values.seed ? `, seed ${values.seed}` : ', random seeds (printed by ' + 'each property above)'
  }`,
);
for (const { property, cases, failures } of lines)
  console.log(`  ${String(cases).padStart(6)} cases  ${String(failures).padStart(3)} failures  ${property}`);
const cases = lines.reduce((sum, line) => sum + line.cases, 0);
const failures = lines.reduce((sum, line) => sum + line.failures, 0);
console.log(
  `  ${String(cases).padStart(6)} cases  ${String(failures).padStart(3)} failures  in all, ${seconds.toFixed(0)} s ` +
    `wall clock`,
);
process.exit(vitest.status === 0 && failures === 0 && lines.length > 0 ? 0 : 1);
