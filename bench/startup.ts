// `npm run bench:startup [-- --runs 5]`: how long the CLI takes to start and finish, run as a child process the way
// users run it: `--help`, `--version`, and `generate` on the repository's example config (output to a temp folder).
// Median and first of the runs, wall clock and CPU time, once from the compiled dist/ (when it is fresh) and once
// from src/ through jiti (the fallback after an edit).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from './median.ts';
import { type TimedRun, timedRun } from './timed-run.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A timed run, its loader said short: `dist/`, `src/ through jiti` or `not reported`. */
function run(args: string[], env: NodeJS.ProcessEnv, timeFile: string): TimedRun {
  const measured = timedRun(args, timeFile, { cwd: ROOT, env });
  return {
    ...measured,
    loader: /^headroom: running (dist\/|src\/ through jiti)/.exec(measured.loader)?.[1] ?? 'not reported',
  };
}

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const scratch = mkdtempSync(join(tmpdir(), 'headroom-bench-startup-'));
const timeFile = join(scratch, 'time');
const commands: Array<[string, string[]]> = [
  ['--help', ['--help']],
  ['--version', ['--version']],
  ['generate (example)', ['generate', '--config', join(ROOT, 'headroom.config.ts'), '--out', join(scratch, 'out')]],
];
const loaders: Array<[string, NodeJS.ProcessEnv]> = [
  ['as installed (dist/ when fresh)', {}],
  ['HEADROOM_FROM_SRC=1', { HEADROOM_FROM_SRC: '1' }],
];
try {
  console.log(`headroom start-up, ${runs} runs each (median; first run in brackets)`);
  for (const [loaderName, env] of loaders) {
    const header = `${'ran'.padEnd(20)}${'command'.padEnd(22)}${'wall s'.padEnd(15)}${'CPU s'.padEnd(15)}max RSS MB`;
    console.log(`\n${loaderName}\n${header}`);
    for (const [name, args] of commands) {
      const measured = Array.from({ length: runs }, () => run(args, env, timeFile));
      const first = measured[0]!;
      // Which one really ran: dist/ is skipped when stale (src/ edited after the last `npm run build`).
      const ran = [...new Set(measured.map((m) => m.loader))].join(' + ');
      const cell = (pick: (m: TimedRun) => number, digits: number) =>
        `${median(measured.map(pick)).toFixed(digits)} (${pick(first).toFixed(digits)})`.padEnd(15);
      const cells = [cell((m) => m.seconds, 2), cell((m) => m.cpuSeconds, 2), cell((m) => m.maxRssMb, 0)];
      console.log(`${ran.padEnd(20)}${name.padEnd(22)}${cells.join('')}`);
    }
  }
  console.log(
    `\nnode ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
