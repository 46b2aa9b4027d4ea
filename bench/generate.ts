// `npm run bench:generate [-- --teams 100,500,1000 --long-list 8000 --runs 3]`: wall time, CPU time and peak RSS
// of `headroom generate` on fleet configs (bench/fleet-config.ts) and on one team listing many namespaces, run as a
// child process the way users run it; median of the runs, plus what it wrote.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeFleetConfig, writeLongListConfig } from './fleet-config.ts';
import { median } from './median.ts';

const HEADROOM = fileURLToPath(new URL('../bin/headroom.js', import.meta.url));

const loaders = new Set<string>();

interface Run {
  seconds: number;
  /** User + system CPU time: less disturbed than wall time when other work shares the machine. */
  cpuSeconds: number;
  maxRssMb: number;
}

/** One `generate`, measured by GNU time (wall clock, CPU time and the child's peak resident set). */
function runGenerate(configFile: string, out: string, timeFile: string): Run {
  const result = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %U %S %M', '-o', timeFile, process.execPath, HEADROOM, 'generate', '--config', configFile, '--out', out],
    {
      encoding: 'utf8',
      // bin/headroom.js says on stderr whether it ran the compiled dist/ or src/ through jiti: the figures differ.
      env: { ...process.env, HEADROOM_TRACE_LOADER: '1' },
    },
  );
  if (result.status !== 0) throw new Error(`generate failed (exit ${result.status}):\n${result.stderr}`);
  loaders.add(/^headroom: running .*$/m.exec(result.stderr)?.[0] ?? 'headroom: loader not reported');
  const [seconds, user, system, kilobytes] = readFileSync(timeFile, 'utf8')
    .trim()
    .split('\n')
    .at(-1)!
    .split(' ')
    .map(Number);
  return { seconds: seconds!, cpuSeconds: user! + system!, maxRssMb: kilobytes! / 1024 };
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
