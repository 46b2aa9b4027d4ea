// `npm run bench:generate [-- --teams 100,500,1000 --runs 3]`: wall time and peak RSS of `headroom generate` on fleet
// configs (bench/fleet-config.ts), run as a child process the way users run it; median of the runs, plus what it wrote.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeFleetConfig } from './fleet-config.ts';

const HEADROOM = fileURLToPath(new URL('../bin/headroom.js', import.meta.url));

interface Run {
  seconds: number;
  maxRssMb: number;
}

/** One `generate`, measured by GNU time (wall clock and the child's peak resident set). */
function runGenerate(configFile: string, out: string, timeFile: string): Run {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', timeFile, process.execPath, HEADROOM, 'generate', '--config', configFile, '--out', out], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`generate failed (exit ${result.status}):\n${result.stderr}`);
  const [seconds, kilobytes] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds: seconds!, maxRssMb: kilobytes! / 1024 };
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const { values } = parseArgs({ options: { teams: { type: 'string', default: '100,500,1000' }, runs: { type: 'string', default: '3' } } });
const sizes = values.teams.split(',').map(Number);
const runs = Number(values.runs);
const work = mkdtempSync(join(tmpdir(), 'headroom-bench-generate-'));
try {
  console.log(`headroom generate on fleet configs (5 namespace patterns per team), median of ${runs} runs`);
  console.log('teams  wall s  max RSS MB  files  MB written');
  const seconds: Record<number, number> = {};
  for (const teams of sizes) {
    const configFile = writeFleetConfig(join(work, `fleet-${teams}`), teams);
    const out = resolve(work, `out-${teams}`);
    const measured = Array.from({ length: runs }, () => runGenerate(configFile, out, join(work, 'time.txt')));
    const written = filesAndBytes(out);
    seconds[teams] = median(measured.map((run) => run.seconds));
    console.log(
      [
        String(teams).padStart(5),
        seconds[teams]!.toFixed(2).padStart(6),
        median(measured.map((run) => run.maxRssMb)).toFixed(0).padStart(10),
        String(written.files).padStart(5),
        (written.bytes / 1e6).toFixed(1).padStart(10),
      ].join('  '),
    );
  }
  const [smallest, largest] = [Math.min(...sizes), Math.max(...sizes)];
  if (smallest !== largest) console.log(`${largest} teams take ${(seconds[largest]! / seconds[smallest]!).toFixed(1)}× the time of ${smallest}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
