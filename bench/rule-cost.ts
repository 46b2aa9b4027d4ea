// What headroom's rule structure costs Prometheus, against one global rule per alert (the floor), for several team
// counts over the same synthetic cluster. One real Prometheus scrapes the cluster from a loopback server and runs
// every rule set side by side (recorded series renamed per team count); once the data has the longest OOM window
// of history, the scrapes stop and every rule expression is queried at one fixed time with `stats=all`.
//
//   npm run bench -- [--teams 1,100,500] [--containers 40000] [--settings 4] [--prometheus /usr/bin/prometheus]
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { DEFAULT_OOM_WINDOW, SETTINGS, writeBenchConfig } from './bench-config.ts';
import { buildCluster } from './cluster.ts';
import { seriesCounts } from './exposition.ts';
import { FLOOR_GROUP, FLOOR_RULES, type FloorPart, LITERAL_NEAR_LIMIT } from './floor-rules.ts';
import { startMetricsServer } from './metrics-server.ts';
import { type Prometheus, startPrometheus, sleep, waitUntil } from './prometheus.ts';
import { instantQuery, instantValue, QueryFailed, type RuleStatus, ruleStatuses } from './prometheus-api.ts';
import { benchRules, type BenchRules, type Part } from './rule-parts.ts';
import { chainsTable, type Cost, type Floor, partsTable, type TeamRun, totalsTable } from './report.ts';

const { values: flags } = parseArgs({
  options: {
    teams: { type: 'string', default: '1,100,500' },
    containers: { type: 'string', default: '40000' },
    settings: { type: 'string', default: '4' },
    'scrape-interval': { type: 'string', default: '5' },
    'eval-interval': { type: 'string', default: '20' },
    'cpu-rounds': { type: 'string', default: '2' },
    prometheus: { type: 'string', default: '/usr/bin/prometheus' },
    keep: { type: 'boolean', default: false },
    'hold-seconds': { type: 'string', default: '0' },
  },
});

const teamCounts = flags.teams.split(',').map(Number);
const containers = Number(flags.containers);
const settings = Number(flags.settings);
const scrapeInterval = Number(flags['scrape-interval']);
const evalInterval = Number(flags['eval-interval']);
const MIN_CPU_ROUNDS = Number(flags['cpu-rounds']);
/** The Go runtime's garbage collection lands in whichever query triggers it: a few seconds per part average it out. */
const MIN_CPU_MS = 3000;
if (teamCounts.some((n) => !Number.isInteger(n) || n < 0) || !(containers > 0) || !(settings >= 1 && settings <= SETTINGS.length)) {
  console.error(`usage: npm run bench -- [--teams 1,100,500] [--containers 40000] [--settings 1..${SETTINGS.length}]`);
  process.exit(2);
}

const WINDOW_SECONDS = Number(DEFAULT_OOM_WINDOW.replace('m', '')) * 60;
/** History the rules need at the measuring time: the longest OOM window (and its offset), plus a few evaluations. */
const RUN_SECONDS = WINDOW_SECONDS + 3 * evalInterval;
/** Rule evaluation times are sampled over this last stretch of the run. */
const LIVE_SECONDS = 60;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor((sorted.length - 1) / 2)]!;
};
const log = (message: string) => console.error(`[bench] ${message}`);

/**
 * Samples read and Prometheus CPU time for one evaluation of a part's expressions at `time`, each in turn. CPU is
 * the process's CPU time, not wall time, so other work on the machine does not count; expressions are wrapped in
 * count() (which reads no samples of its own) so encoding a large result does not count either. Repeated for at
 * least MIN_CPU_ROUNDS rounds and MIN_CPU_MS, as the process clock ticks in hundredths; every round must read the
 * same samples, as the data no longer moves.
 */
async function partCost(prometheus: Prometheus, exprs: string[], live: number[], time: number): Promise<Cost> {
  const started = Date.now();
  const before = prometheus.cpuSeconds();
  let samples: number | undefined;
  let rounds = 0;
  while (rounds < MIN_CPU_ROUNDS || Date.now() - started < MIN_CPU_MS) {
    let read = 0;
    for (const expr of exprs) read += (await instantQuery(prometheus.port, `count(${expr})`, time)).samples;
    if (samples !== undefined && samples !== read) throw new Error(`samples differ between rounds at one fixed time: ${exprs[0]?.slice(0, 200)}`);
    samples = read;
    rounds++;
  }
  const cpuSeconds = (prometheus.cpuSeconds() - before) / rounds;
  return { rules: exprs.length, samples: samples ?? 0, cpuSeconds, liveSeconds: live.reduce((x, y) => x + y, 0) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-bench-'));
  const cleanups: (() => Promise<void> | void)[] = [() => (flags.keep ? log(`kept ${dir}`) : rmSync(dir, { recursive: true, force: true }))];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) await step();
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    await run(dir, cleanups);
  } finally {
    await cleanup();
  }
}

async function run(dir: string, cleanups: (() => Promise<void> | void)[]): Promise<void> {
  const groups = Math.max(500, ...teamCounts);
  const cluster = buildCluster({ containers, groups });
  const counts = seriesCounts(cluster, true);

  const ruleSets = new Map<number, BenchRules & { file: string }>();
  for (const teams of teamCounts) {
    const started = Date.now();
    const configFile = writeBenchConfig(join(dir, `config-${teams}`), teams, groups, settings);
    const rules = await benchRules(configFile, `headroom_n${teams}`);
    const file = join(dir, `rules-n${teams}.yaml`);
    writeFileSync(file, stringify({ groups: rules.groups }, { lineWidth: 0 }));
    ruleSets.set(teams, { ...rules, file });
    log(`${teams} teams: ${rules.measured.length} rules generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const floorFile = join(dir, 'rules-floor.yaml');
  writeFileSync(floorFile, stringify({ groups: [FLOOR_GROUP] }, { lineWidth: 0 }));

  const server = await startMetricsServer(cluster);
  cleanups.push(() => server.close());
  mkdirSync(join(dir, 'prometheus'));
  const prometheus = await startPrometheus({
    binary: flags.prometheus,
    dir: join(dir, 'prometheus'),
    metricsPort: server.port,
    ruleFiles: [floorFile, ...[...ruleSets.values()].map((set) => set.file)],
    scrapeInterval: `${scrapeInterval}s`,
    evaluationInterval: `${evalInterval}s`,
  });
  cleanups.push(() => prometheus.stop());
  const port = prometheus.port;
  log(`Prometheus ${prometheus.version} on 127.0.0.1:${port}, scraping ${counts.cadvisor + 2 * counts.kubeStateMetricsPerReplica} series`);

  await waitUntil(async () => (await instantValue(port, 'count(up == 1)', Date.now() / 1000)) === 4, 120_000);
  const dataStart = Date.now();
  log(`all targets up; collecting ${RUN_SECONDS} s of data (OOM kills at ${RUN_SECONDS / 2} s)`);

  const live: RuleStatus[][] = [];
  while (Date.now() - dataStart < RUN_SECONDS * 1000) {
    const elapsed = (Date.now() - dataStart) / 1000;
    if (elapsed >= RUN_SECONDS / 2) server.kill();
    if (elapsed >= RUN_SECONDS - LIVE_SECONDS) live.push(await ruleStatuses(port));
    await sleep(evalInterval * 1000);
  }
  const time = Math.floor(Date.now() / 1000) - 1;
  server.stopServing();
  // Let scrapes and evaluations in flight at `time` land, so every query below sees the same data; then stop all
  // scraping and rule evaluation, so query timings measure the query alone.
  await sleep((scrapeInterval + 2) * 1000);
  await prometheus.idle();
  await sleep(evalInterval * 1000);
  log(`data stopped; measuring every rule expression at ${new Date(time * 1000).toISOString()}`);

  const broken = live.at(-1)!.filter((rule) => rule.health === 'err');
  const liveSeconds = (file: string, group: string, index: number) =>
    median(live.map((poll) => poll.find((rule) => rule.file === file && rule.group === group && rule.index === index)?.seconds ?? 0));
  const groupSeconds = async (file: string) =>
    instantValue(port, `sum(quantile_over_time(0.5, prometheus_rule_group_last_duration_seconds{rule_group=~"${file};.*"}[${LIVE_SECONDS}s]))`, time);

  const floor: Floor = { parts: new Map(), groupSeconds: await groupSeconds(floorFile) };
  for (const [i, [part, rule]] of (Object.entries(FLOOR_RULES) as [FloorPart, { expr: string }][]).entries()) {
    floor.parts.set(part, await partCost(prometheus, [rule.expr], [liveSeconds(floorFile, FLOOR_GROUP.name, i)], time));
  }
  let literal: string;
  try {
    const cost = await instantQuery(port, LITERAL_NEAR_LIMIT, time);
    literal = `evaluates: ${cost.samples.toLocaleString('en-US')} samples, ${cost.resultSeries} series`;
  } catch (error) {
    if (!(error instanceof QueryFailed)) throw error;
    literal = `fails: \`${error.message}\``;
  }

  const runs: TeamRun[] = [];
  const checks: string[] = [];
  for (const [teams, set] of ruleSets) {
    const parts = new Map<Part, Cost>();
    const indexInGroup = new Map<string, number>();
    const rulesOf = new Map<Part, { exprs: string[]; live: number[] }>();
    for (const { part, group, rule } of set.measured) {
      const index = indexInGroup.get(group) ?? 0;
      indexInGroup.set(group, index + 1);
      const entry = rulesOf.get(part) ?? { exprs: [], live: [] };
      entry.exprs.push(rule.expr);
      entry.live.push(liveSeconds(set.file, group, index));
      rulesOf.set(part, entry);
    }
    for (const [part, { exprs, live }] of rulesOf) parts.set(part, await partCost(prometheus, exprs, live, time));
    runs.push({ teams, parts, groupSeconds: await groupSeconds(set.file) });
    const owners = `headroom_n${teams}:namespace_owner:info`;
    const ownerSeries = await instantValue(port, `count(${owners})`, time);
    const ownedNamespaces = await instantValue(port, `count(count by (namespace) (${owners}))`, time);
    checks.push(`${teams} teams: ${ownerSeries} owner series for ${ownedNamespaces} namespaces`);
    log(`${teams} teams measured`);
  }
  const seenNamespaces = await instantValue(port, 'count(count by (namespace) (kube_pod_container_status_restarts_total))', time);
  const hold = Number(flags['hold-seconds']);
  if (hold > 0) {
    // For looking into a figure by hand: the idle Prometheus keeps its data a while longer.
    log(`holding Prometheus on 127.0.0.1:${port} for ${hold} s; data at time=${time}`);
    await sleep(hold * 1000);
  }

  console.log(`## Rule cost: headroom vs one global rule per alert

Prometheus ${prometheus.version}, ${availableParallelism()} cores; ${containers.toLocaleString('en-US')} containers in ${cluster.pods.length.toLocaleString('en-US')} pods, ${cluster.namespaces.length} namespaces, ${cluster.nodes.length} nodes; series scraped: cadvisor ${counts.cadvisor.toLocaleString('en-US')} (incl. pod cgroup and pause), kube-state-metrics ${counts.kubeStateMetricsPerReplica.toLocaleString('en-US')} × 2 replicas.
Scrape every ${scrapeInterval}s, rules every ${evalInterval}s, ${RUN_SECONDS}s of data; OOM window ${DEFAULT_OOM_WINDOW}${settings > 5 ? ' (some teams 1m)' : ''}; ${settings} distinct team settings.
Samples read = \`stats.samples.totalQueryableSamples\` of each rule expression queried at one fixed time; CPU = Prometheus process CPU time (user + system) per evaluation of a part's expressions at that time, after scraping and rule evaluation have stopped (≥ ${MIN_CPU_ROUNDS} rounds and ${MIN_CPU_MS / 1000} s; other load on the machine does not count; includes ≈ 0.2 ms of HTTP handling per query); live eval = median per-rule \`evaluationTime\` from /api/v1/rules while all rule sets ran side by side (includes annotation templates; the floor has none); group eval = median \`prometheus_rule_group_last_duration_seconds\` over the last ${LIVE_SECONDS}s.
Floor (one rule each, kube-prometheus selectors): near-limit \`${FLOOR_RULES['near-limit'].expr}\`; OOM \`${FLOOR_RULES.oom.expr}\`; node \`${FLOOR_RULES.node.expr}\`. Without \`max by\`, the near-limit rule ${literal}.

### Totals

${totalsTable(runs, floor)}

### Per alert chain (namespace ownership counted with near-limit)

${chainsTable(runs, floor)}

### Per part

${partsTable(runs, floor)}

Checks: ${seenNamespaces} namespaces in the data; ${checks.join('; ')}.${
    broken.length > 0 ? `\nRules failing: ${broken.map((rule) => `${rule.file} ${rule.group}#${rule.index}: ${rule.lastError}`).join('; ')}` : ' No rule failed.'
  }`);
}

await main();
