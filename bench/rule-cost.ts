// What headroom's rules cost Prometheus as it evaluates them, on each engine in turn (3.5 and 2.42 by default), over
// one synthetic cluster served from loopback: every alert headroom ships for 1 and for 1,000 teams, the near-limit and
// OOM chains at 1,000 teams, and the floor's single rules. Each rule file is evaluated alone for a few windows of whole
// evaluation intervals; its CPU per evaluation is the Prometheus process's CPU time over a window less that of the
// scrape-only windows next to it (bench/live-phases.ts). Targets: docs/benchmark.md.
//
//   npm run bench -- [--teams 1,1000] [--containers 40000] [--repetitions 3] [--evaluations 2] [--eval-interval 20]
//                    [--prometheus .tools/prometheus-3/usr/bin/prometheus,/usr/bin/prometheus]
//                    [--out bench/RESULTS.md | --out -]
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { PROMETHEUS_2, PROMETHEUS_3 } from '../scripts/engines.ts';
import type { RuleGroup } from '../src/rules/rule-types.ts';
import { BENCH_LEAK_LOOKBACK, DEFAULT_OOM_WINDOW, SETTINGS, writeBenchConfig } from './bench-config.ts';
import { buildCluster, type Cluster } from './cluster.ts';
import { seriesCounts } from './exposition.ts';
import { floorGroup, LITERAL_NEAR_LIMIT } from './floor-rules.ts';
import { startMetricsServer } from './metrics-server.ts';
import { type Prometheus, startPrometheus, sleep, waitUntil } from './prometheus.ts';
import { instantQuery, instantValue, QueryFailed } from './prometheus-api.ts';
import { measureWindows, type WindowPlan } from './live-phases.ts';
import { benchRules, type Chain, chainGroups, type MeasuredRule } from './rule-parts.ts';
import { type BenchRun, type EngineRun, type MeasuredFile, report } from './report.ts';

const { values: flags } = parseArgs({
  options: {
    teams: { type: 'string', default: '1,1000' },
    containers: { type: 'string', default: '40000' },
    settings: { type: 'string', default: '4' },
    'scrape-interval': { type: 'string', default: '5' },
    'eval-interval': { type: 'string', default: '20' },
    evaluations: { type: 'string', default: '2' },
    repetitions: { type: 'string', default: '3' },
    prometheus: { type: 'string', default: `${PROMETHEUS_3.prometheus},${PROMETHEUS_2.prometheus}` },
    out: { type: 'string', default: 'bench/RESULTS.md' },
    warmup: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

const teamCounts = [...new Set(flags.teams.split(',').map(Number))].sort((a, b) => a - b);
const containers = Number(flags.containers);
const settings = Number(flags.settings);
const scrapeInterval = Number(flags['scrape-interval']);
const evalInterval = Number(flags['eval-interval']);
const evaluations = Number(flags.evaluations);
const repetitions = Number(flags.repetitions);
const binaries = flags.prometheus.split(',').filter(Boolean);
if (
  teamCounts.length < 1 ||
  teamCounts.some((n) => !Number.isInteger(n) || n < 1) ||
  !(containers > 0) ||
  !(settings >= 1 && settings <= SETTINGS.length) ||
  !(evaluations >= 1 && repetitions >= 1 && evalInterval > 0 && scrapeInterval > 0)
) {
  console.error(
    'usage: npm run bench -- [--teams 1,1000] [--containers 40000] [--settings 1..8] [--repetitions 3] ' +
      '[--evaluations 2] [--eval-interval 20] [--prometheus PATH,PATH] [--out FILE|-]',
  );
  process.exit(2);
}

const WINDOW_SECONDS = Number(DEFAULT_OOM_WINDOW.replace('m', '')) * 60;
/** Before a file of headroom's is measured: its recorded series fill the longest range its rules read over them. */
const WARMUP_SECONDS = Number(flags.warmup ?? WINDOW_SECONDS);
/** Raw history before the first window; the floor's turn (which needs none of its own) adds more before headroom's. */
const COLLECT_SECONDS = Math.min(WINDOW_SECONDS, WARMUP_SECONDS) + 2 * evalInterval;
/** A few seconds for the evaluations of the file unloaded to end. */
const SETTLE_SECONDS = 8;

const log = (message: string) => console.error(`[bench] ${message}`);

/** The prefix of every rule set's recorded series (rule-parts.ts renames `headroom:`). */
const PREFIX = 'hr';

/** One rule file the benchmark loads alone. */
interface RuleFile {
  key: string;
  path: string;
  rules: MeasuredRule[] | undefined;
  ruleCount: number;
  /** Reads its own recorded series over a range: that range must fill before it is measured. */
  warmup: boolean;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-bench-'));
  const cleanups: (() => Promise<void> | void)[] = [
    () => (flags.keep ? log(`kept ${dir}`) : rmSync(dir, { recursive: true, force: true })),
  ];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) await step();
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    const started = new Date();
    const groups = Math.max(500, ...teamCounts);
    const cluster = buildCluster({ containers, groups });
    const files = await writeRuleFiles(dir, cluster, groups);
    const engines: EngineRun[] = [];
    for (const [i, binary] of binaries.entries()) {
      const engineDir = join(dir, `prometheus-${i}`);
      mkdirSync(engineDir);
      engines.push(await measureEngine(binary, engineDir, cluster, files, cleanups));
    }
    const run: BenchRun = {
      command: process.argv.length > 2 ? `npm run bench -- ${process.argv.slice(2).join(' ')}` : 'npm run bench',
      started,
      cluster,
      counts: seriesCounts(cluster, 1),
      teamCounts,
      settings,
      scrapeInterval,
      evalInterval,
      evaluations,
      repetitions,
      warmupSeconds: WARMUP_SECONDS,
      window: DEFAULT_OOM_WINDOW,
      leakLookback: BENCH_LEAK_LOOKBACK,
      engines,
    };
    const markdown = report(run);
    if (flags.out === '-') console.log(markdown);
    else {
      writeFileSync(flags.out, `${markdown}\n`);
      log(`wrote ${flags.out} (${((Date.now() - started.getTime()) / 60000).toFixed(1)} min)`);
    }
  } finally {
    await cleanup();
  }
}

function writeGroups(path: string, groups: RuleGroup[]): void {
  writeFileSync(path, stringify({ groups }, { lineWidth: 0 }));
}

/** The floor's rules (one file each), every team count's rules, and the chains of the largest team count. */
async function writeRuleFiles(dir: string, cluster: Cluster, groups: number): Promise<RuleFile[]> {
  const files: RuleFile[] = [];
  for (const part of ['near-limit', 'oom'] as const) {
    const path = join(dir, `floor-${part}.yaml`);
    writeGroups(path, [floorGroup(part)]);
    files.push({ key: `floor ${part}`, path, rules: undefined, ruleCount: 1, warmup: false });
  }
  for (const teams of teamCounts) {
    const started = Date.now();
    const rules = await benchRules(writeBenchConfig(join(dir, `config-${teams}`), teams, groups, settings), PREFIX);
    const path = join(dir, `rules-n${teams}.yaml`);
    writeGroups(path, rules.groups);
    files.push({ key: `teams ${teams}`, path, rules: rules.measured, ruleCount: rules.measured.length, warmup: true });
    log(
      `${teams} teams: ${rules.measured.length} rules generated in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
        `(${cluster.namespaces.length} namespaces in the data)`,
    );
    if (teams !== teamCounts.at(-1)) continue;
    for (const chain of ['near-limit', 'oom'] as Chain[]) {
      const chainPath = join(dir, `chain-${chain}-n${teams}.yaml`);
      const chainRules = chainGroups(rules, chain);
      writeGroups(chainPath, chainRules);
      const ruleCount = chainRules.flatMap((group) => group.rules).length;
      files.push({ key: `chain ${chain}`, path: chainPath, rules: undefined, ruleCount, warmup: true });
    }
  }
  return files;
}

async function measureEngine(
  binary: string,
  dir: string,
  cluster: Cluster,
  files: RuleFile[],
  cleanups: (() => Promise<void> | void)[],
): Promise<EngineRun> {
  const server = await startMetricsServer(cluster);
  const prometheus = await startPrometheus({
    binary,
    dir,
    metricsPort: server.port,
    ruleFiles: [],
    scrapeInterval: `${scrapeInterval}s`,
    evaluationInterval: `${evalInterval}s`,
  });
  const stop = async () => {
    await prometheus.stop();
    await server.close();
  };
  cleanups.push(stop);
  try {
    const loadBefore = loadavg()[0]!;
    await waitUntil(
      async () => (await instantValue(prometheus.port, 'count(up == 1)', Date.now() / 1000)) === 5,
      120_000,
    );
    server.startKills();
    log(`Prometheus ${prometheus.version}: all targets up; collecting ${COLLECT_SECONDS} s of data`);
    await sleep(COLLECT_SECONDS * 1000);
    return { ...(await measureFiles(prometheus, files)), version: prometheus.version, loadBefore };
  } finally {
    cleanups.splice(cleanups.indexOf(stop), 1);
    await stop();
  }
}

/**
 * A scrape-only window, then each file's windows followed by another scrape-only window: every file's CPU is weighed
 * against the scrape-only windows on either side of it.
 */
async function measureFiles(prometheus: Prometheus, files: RuleFile[]) {
  const plan = (file: RuleFile | undefined): WindowPlan => ({
    evalSeconds: evalInterval,
    evaluations,
    windows: file ? repetitions : 1,
    warmupSeconds: file?.warmup ? WARMUP_SECONDS : SETTLE_SECONDS,
  });
  const scrapeOnly = async () => (await measureWindows(prometheus, undefined, plan(undefined)))[0]!;
  let before = await scrapeOnly();
  const measured: MeasuredFile[] = [];
  const checks: string[] = [];
  for (const file of files) {
    log(`${file.key}: ${file.ruleCount} rules alone, ${repetitions} windows of ${evaluations} evaluations`);
    const windows = await measureWindows(prometheus, file.path, plan(file));
    if (file.key.startsWith('teams ')) checks.push(await ownershipCheck(prometheus, file.key));
    // A group still running when its next evaluation is due skips it: CPU per evaluation would then read low.
    const missed = await instantValue(
      prometheus.port,
      `sum(prometheus_rule_group_iterations_missed_total{rule_group=~"${file.path};.*"})`,
      Date.now() / 1000,
    );
    if (missed > 0) checks.push(`${file.key}: ${missed} evaluations missed (a group outlasted the interval)`);
    const after = await scrapeOnly();
    measured.push({
      key: file.key,
      ruleCount: file.ruleCount,
      rules: file.rules,
      windows,
      scrapeOnly: [before, after],
    });
    before = after;
  }
  return { files: measured, checks, failing: failingRules(measured), literal: await literalNearLimit(prometheus) };
}

/** Every namespace of the data has exactly one owner series (the rules just evaluated). */
async function ownershipCheck(prometheus: Prometheus, key: string): Promise<string> {
  const time = Date.now() / 1000;
  const owners = `${PREFIX}:namespace_owner:info`;
  const series = await instantValue(prometheus.port, `count(${owners})`, time);
  const namespaces = await instantValue(prometheus.port, `count(count by (namespace) (${owners}))`, time);
  const seen = await instantValue(
    prometheus.port,
    'count(count by (namespace) (kube_pod_container_status_restarts_total))',
    time,
  );
  return `${key}: ${series} owner series for ${namespaces} namespaces (${seen} in the data)`;
}

function failingRules(files: MeasuredFile[]): string[] {
  return files.flatMap((file) =>
    (file.windows.at(-1)?.groups ?? []).flatMap((group) =>
      group.rules
        .filter((rule) => rule.health === 'err')
        .map((rule) => `${file.key} ${group.group}#${rule.index}: ${rule.lastError}`),
    ),
  );
}

/** What the near-limit rule without `max by` does on this data. */
async function literalNearLimit(prometheus: Prometheus): Promise<string> {
  try {
    const result = await instantQuery(prometheus.port, LITERAL_NEAR_LIMIT, Date.now() / 1000);
    return `evaluates: ${result.samples.toLocaleString('en-US')} samples, ${result.resultSeries} series`;
  } catch (error) {
    if (!(error instanceof QueryFailed)) throw error;
    return `fails: \`${error.message}\``;
  }
}

await main();
