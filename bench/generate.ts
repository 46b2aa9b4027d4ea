// `npm run bench:generate [-- --teams 1000,5000 --long-list 8000 --runs 3 --no-diff --headroom bin/headroom.js]`:
// wall time, CPU time and peak RSS of `headroom generate`, `headroom check` and `headroom diff --base` on fleet
// configs (bench/fleet-config.ts) kept in a throwaway git repository (bench/fleet-repo.ts), and of `generate` on one
// team listing many namespaces; each run a child process the way users run it (GNU time); median and range of the
// runs, with the 1-minute load average the runs started at (the machine may be shared). The file system's pending
// writes (the bench's own: generated output, git) are flushed before each run, so that a run does not pay for them.
// Also the PrometheusRule objects: the largest, and which ones each change rewrites, adds or removes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { writeFleetConfig, writeLongListConfig } from './fleet-config.ts';
import { commitFleet, FLEET_CHANGES, git, resetFleet } from './fleet-repo.ts';
import { median } from './median.ts';
import { type TimedRun, timedRun } from './timed-run.ts';

const PROMETHEUS_RULES = 'generated/prometheus-rules/';
/** What client-side `kubectl apply` keeps of an object (last-applied-configuration), and etcd's request limit. */
const ANNOTATION_LIMIT = 262_144;
const ETCD_LIMIT = 1.5 * 1024 * 1024;

const { values } = parseArgs({
  options: {
    teams: { type: 'string', default: '1000,5000' },
    'long-list': { type: 'string', default: '8000' },
    runs: { type: 'string', default: '3' },
    'no-diff': { type: 'boolean', default: false },
    // Another build to compare with, e.g. a copy of bin/ and dist/ from before a change.
    headroom: { type: 'string', default: fileURLToPath(new URL('../bin/headroom.js', import.meta.url)) },
  },
});

/** A timed run, with the 1-minute load average it started at (the machine may be shared). */
interface Run extends TimedRun {
  load: number;
}

const loaders = new Set<string>();

/** One headroom command in `cwd`, timed, after the file system's pending writes are flushed. */
function runHeadroom(args: string[], cwd: string, timeFile: string): Run {
  spawnSync('sync');
  const load = loadavg()[0]!;
  const run = timedRun(args, timeFile, { cwd, headroom: values.headroom, env: { NO_COLOR: '1' } });
  loaders.add(run.loader);
  return { ...run, load };
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

/** The PrometheusRule objects under `dir`/generated: file name → the object's size as JSON (what kubectl sends). */
function ruleObjectSizes(dir: string): Map<string, number> {
  const folder = join(dir, PROMETHEUS_RULES);
  return new Map(
    readdirSync(folder)
      .sort()
      .map((name) => [name, Buffer.byteLength(JSON.stringify(parse(readFileSync(join(folder, name), 'utf8'))))]),
  );
}

/** Rule objects the uncommitted change rewrote, added and removed (git status of the generated folder). */
function ruleObjectChanges(dir: string): { changed: number; added: number; removed: number } {
  const status = git(dir, 'status', '--porcelain', '--untracked-files=all', '--', PROMETHEUS_RULES)
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(0, 2));
  const count = (code: string) => status.filter((found) => found.includes(code)).length;
  return { changed: count('M'), added: count('?'), removed: count('D') };
}

const sizes = values.teams.split(',').map(Number);
const runs = Number(values.runs);
const work = mkdtempSync(join(tmpdir(), 'headroom-bench-generate-'));
const timeFile = join(work, 'time.txt');
const range = (numbers: number[]) => `${Math.min(...numbers).toFixed(2)}–${Math.max(...numbers).toFixed(2)}`;
try {
  console.log(
    `headroom on fleet configs (5 namespace patterns per team, a cluster label, every sixth team scoped to clusters, ` +
      `a third with overrides, every team routed), ${cpus().length} cores, median of ${runs} runs`,
  );
  console.log('command                         teams  wall s (range)        CPU s  max RSS MB  load at start');
  /** Command → teams → median wall seconds. */
  const seconds = new Map<string, Map<number, number>>();
  const measure = (label: string, teams: number | string, args: string[], cwd: string): Run[] => {
    const measured = Array.from({ length: runs }, () => runHeadroom(args, cwd, timeFile));
    const wall = median(measured.map((run) => run.seconds));
    if (typeof teams === 'number') seconds.set(label, (seconds.get(label) ?? new Map()).set(teams, wall));
    console.log(
      [
        label.padEnd(30),
        String(teams).padStart(5),
        `${wall.toFixed(2).padStart(6)} (${range(measured.map((run) => run.seconds))})`.padEnd(20),
        median(measured.map((run) => run.cpuSeconds))
          .toFixed(2)
          .padStart(5),
        median(measured.map((run) => run.maxRssMb))
          .toFixed(0)
          .padStart(10),
        `  ${range(measured.map((run) => run.load))}`,
      ].join('  '),
    );
    return measured;
  };
  const objectNotes: string[] = [];
  for (const teams of sizes) {
    const dir = join(work, `fleet-${teams}`);
    const configFile = writeFleetConfig(dir, teams);
    measure('generate', teams, ['generate', '--config', configFile], dir);
    const written = filesAndBytes(join(dir, 'generated'));
    const objects = ruleObjectSizes(dir);
    const [largestName, largest] = [...objects].sort(([, a], [, b]) => b - a)[0]!;
    objectNotes.push(
      `${teams} teams: ${written.files} files, ${(written.bytes / 1e6).toFixed(1)} MB written; ${objects.size} ` +
        `PrometheusRule objects, the largest ${largestName} ${largest} bytes as JSON ` +
        `(${((100 * largest) / ANNOTATION_LIMIT).toFixed(0)} % of kubectl's annotation, ` +
        `${((100 * largest) / ETCD_LIMIT).toFixed(0)} % of etcd's 1.5 MiB)`,
    );
    if (largest >= ANNOTATION_LIMIT) throw new Error(`${largestName}: ${largest} bytes, over ${ANNOTATION_LIMIT}`);
    measure('check', teams, ['check'], dir);
    if (values['no-diff']) continue;
    commitFleet(dir);
    for (const change of FLEET_CHANGES) {
      change.apply(dir, teams);
      // The pull request carries its regenerated output, as `check` in CI demands.
      runHeadroom(['generate'], dir, timeFile);
      const { changed, added, removed } = ruleObjectChanges(dir);
      const [run] = measure(`diff --base (${change.name})`, teams, ['diff', '--base', 'HEAD'], dir);
      const moved = run!.stdout.split('\n').filter((line) => line.includes(': rules move from '));
      objectNotes.push(
        `${teams} teams, ${change.name}: rule objects ${changed} rewritten, ${added} added, ${removed} removed of ` +
          `${objects.size}; the report is ${run!.stdout.split('\n').length} lines, ${moved.length} teams' rules ` +
          `move to other objects${moved.length > 0 ? `:${moved.slice(0, 3).join(';')}` : ''}`,
      );
      resetFleet(dir);
    }
  }
  const longList = Number(values['long-list']);
  if (longList > 0) {
    const configFile = writeLongListConfig(join(work, 'long-list'), longList);
    measure(`generate (1 team, ${longList} names)`, '1', ['generate', '--config', configFile], work);
  }
  for (const note of objectNotes) console.log(note);
  const [smallest, largest] = [Math.min(...sizes), Math.max(...sizes)];
  if (smallest !== largest)
    for (const [label, bySize] of seconds)
      console.log(
        `${label}: ${largest} teams take ${(bySize.get(largest)! / bySize.get(smallest)!).toFixed(1)}× the time of ` +
          `${smallest}`,
      );
  for (const loader of loaders) console.log(loader);
} finally {
  rmSync(work, { recursive: true, force: true });
}
