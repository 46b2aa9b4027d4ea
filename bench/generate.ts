// `npm run bench:generate [-- --teams 100,500,1000 --long-list 8000 --runs 3]`: wall time, CPU time and peak RSS
// of `headroom generate` on fleet configs (bench/fleet-config.ts) and on one team listing many namespaces, run as a
// child process the way users run it; median of the runs, plus what it wrote.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFleetConfig, writeLongListConfig } from './fleet-config.ts';
import { median } from './median.ts';
import { type TimedRun, timedRun } from './timed-run.ts';

const loaders = new Set<string>();

/** One `generate`, timed; which loader ran is collected for the summary. */
function runGenerate(configFile: string, out: string, timeFile: string): TimedRun {
  const run = timedRun(['generate', '--config', configFile, '--out', out], timeFile);
  loaders.add(run.loader);
  return run;
}

function filesAndBytes(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

const { values } = parseArgs({
  options: {
    teams: { type: 'string', default: '100,500,1000' },
    'long-list': { type: 'string', default: '8000' },
    runs: { type: 'string', default: '3' },
  },
});
const sizes = values.teams.split(',').map(Number);
const runs = Number(values.runs);
const work = mkdtempSync(join(tmpdir(), 'headroom-bench-generate-'));
try {
  console.log(`headroom generate on fleet configs (5 namespace patterns per team), median of ${runs} runs`);
  console.log('config                     wall s  CPU s  max RSS MB  files  MB written');
  const seconds: Record<number, number> = {};
  const measure = (label: string, configFile: string, out: string): number => {
    const measured = Array.from({ length: runs }, () => runGenerate(configFile, out, join(work, 'time.txt')));
    const written = filesAndBytes(out);
    const wall = median(measured.map((run) => run.seconds));
    console.log(
      [
        label.padEnd(25),
        wall.toFixed(2).padStart(6),
        median(measured.map((run) => run.cpuSeconds))
          .toFixed(2)
          .padStart(5),
        median(measured.map((run) => run.maxRssMb))
          .toFixed(0)
          .padStart(10),
        String(written.files).padStart(5),
        (written.bytes / 1e6).toFixed(1).padStart(10),
      ].join('  '),
    );
    return wall;
  };
  for (const teams of sizes) {
    const configFile = writeFleetConfig(join(work, `fleet-${teams}`), teams);
    seconds[teams] = measure(`${teams} teams × 5 patterns`, configFile, resolve(work, `out-${teams}`));
  }
  const longList = Number(values['long-list']);
  if (longList > 0)
    measure(
      `1 team × ${longList} names`,
      writeLongListConfig(join(work, 'long-list'), longList),
      resolve(work, 'out-long-list'),
    );
  const [smallest, largest] = [Math.min(...sizes), Math.max(...sizes)];
  if (smallest !== largest)
    console.log(
      `${largest} teams take ${(seconds[largest]! / seconds[smallest]!).toFixed(1)}× the time of ${smallest}`,
    );
  for (const loader of loaders) console.log(loader);
} finally {
  rmSync(work, { recursive: true, force: true });
}
