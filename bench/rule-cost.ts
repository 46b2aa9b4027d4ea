// What headroom's rule structure costs Prometheus, against one global rule per alert (the floor), for several team
// counts over the same synthetic cluster, on each Prometheus engine in turn (2.42 and 3.5 by default). One real
// Prometheus scrapes the cluster from a loopback server and runs every rule set side by side (recorded series renamed
// per team count); once the data has the longest OOM window of history, the scrapes stop and every rule expression is
// queried at one fixed time with `stats=all`.
//
//   npm run bench -- [--teams 1,100,500,1000] [--containers 40000] [--settings 4] [--cpu-rounds 5]
//                    [--prometheus /usr/bin/prometheus,.tools/prometheus-3/usr/bin/prometheus]
//                    [--out bench/RESULTS.md | --out -]
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { PROMETHEUS_2, PROMETHEUS_3 } from '../scripts/engines.ts';
import { DEFAULT_OOM_WINDOW, SETTINGS, writeBenchConfig } from './bench-config.ts';
import { buildCluster, type Cluster } from './cluster.ts';
import { seriesCounts } from './exposition.ts';
import { FLOOR_GROUP, FLOOR_RULES, type FloorPart, LITERAL_NEAR_LIMIT } from './floor-rules.ts';
import { startMetricsServer } from './metrics-server.ts';
import { type Prometheus, startPrometheus, sleep, waitUntil } from './prometheus.ts';
import { instantQuery, instantValue, QueryFailed } from './prometheus-api.ts';
import { failingRules, groupSeconds, liveAlone, type LivePhase, ruleSeconds } from './live-alone.ts';
import { EMPTY_QUERIES, measureRounds, type QueryItem } from './query-cost.ts';
import { benchRules, type BenchRules, type Part } from './rule-parts.ts';
import { type EngineRun, engineSection, summaryTable, type TeamRun } from './report.ts';

const DEFAULT_COMMAND = 'npm run bench';

const { values: flags } = parseArgs({
  options: {
    teams: { type: 'string', default: '1,100,500,1000' },
    containers: { type: 'string', default: '40000' },
    settings: { type: 'string', default: '4' },
    'scrape-interval': { type: 'string', default: '5' },
    'eval-interval': { type: 'string', default: '20' },
    'cpu-rounds': { type: 'string', default: '5' },
    prometheus: { type: 'string', default: `${PROMETHEUS_2.prometheus},${PROMETHEUS_3.prometheus}` },
    out: { type: 'string', default: 'bench/RESULTS.md' },
    keep: { type: 'boolean', default: false },
    'hold-seconds': { type: 'string', default: '0' },
  },
});

const teamCounts = flags.teams.split(',').map(Number);
const containers = Number(flags.containers);
const settings = Number(flags.settings);
const scrapeInterval = Number(flags['scrape-interval']);
const evalInterval = Number(flags['eval-interval']);
const cpuRounds = Number(flags['cpu-rounds']);
const binaries = flags.prometheus.split(',').filter(Boolean);
if (
  teamCounts.some((n) => !Number.isInteger(n) || n < 1) ||
  !(containers > 0) ||
  !(settings >= 1 && settings <= SETTINGS.length) ||
  !(cpuRounds >= 1)
) {
  console.error(
    `usage: npm run bench -- [--teams 1,100,500,1000] [--containers 40000] [--settings 1..${SETTINGS.length}] ` +
      `[--cpu-rounds 5] [--prometheus PATH,PATH] [--out FILE|-]`,
  );
  process.exit(2);
}

const WINDOW_SECONDS = Number(DEFAULT_OOM_WINDOW.replace('m', '')) * 60;
/** History the rules need at the measuring time: the longest OOM window (and its offset), plus a few evaluations. */
const RUN_SECONDS = WINDOW_SECONDS + 3 * evalInterval;
/** Each rule file is then evaluated alone this long (after one interval to settle), its evaluation times sampled. */
const LIVE_SECONDS = 60;

const log = (message: string) => console.error(`[bench] ${message}`);

interface RuleSet extends BenchRules {
  teams: number;
  file: string;
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
    const ruleSets = await writeRuleSets(dir, cluster, groups);
    const floorFile = join(dir, 'rules-floor.yaml');
    writeFileSync(floorFile, stringify({ groups: [FLOOR_GROUP] }, { lineWidth: 0 }));
    const engines: EngineRun[] = [];
    for (const [i, binary] of binaries.entries()) {
      const engineDir = join(dir, `prometheus-${i}`);
      mkdirSync(engineDir);
      engines.push(await measureEngine(binary, engineDir, cluster, floorFile, ruleSets, cleanups));
    }
    const markdown = report(started, cluster, engines);
    if (flags.out === '-') console.log(markdown);
    else {
      writeFileSync(flags.out, `${markdown}\n`);
      log(`wrote ${flags.out} (${((Date.now() - started.getTime()) / 60000).toFixed(1)} min)`);
    }
  } finally {
    await cleanup();
  }
}

async function writeRuleSets(dir: string, cluster: Cluster, groups: number): Promise<RuleSet[]> {
  const sets: RuleSet[] = [];
  for (const teams of [...teamCounts].sort((a, b) => a - b)) {
    const started = Date.now();
    const configFile = writeBenchConfig(join(dir, `config-${teams}`), teams, groups, settings);
    const rules = await benchRules(configFile, `headroom_n${teams}`);
    const file = join(dir, `rules-n${teams}.yaml`);
    writeFileSync(file, stringify({ groups: rules.groups }, { lineWidth: 0 }));
    sets.push({ ...rules, teams, file });
    log(
      `${teams} teams: ${rules.measured.length} rules generated in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
        `(${cluster.namespaces.length} namespaces in the data)`,
    );
  }
  return sets;
}

async function measureEngine(
  binary: string,
  dir: string,
  cluster: Cluster,
  floorFile: string,
  ruleSets: RuleSet[],
  cleanups: (() => Promise<void> | void)[],
): Promise<EngineRun> {
  const counts = seriesCounts(cluster, true);
  const server = await startMetricsServer(cluster);
  const prometheus = await startPrometheus({
    binary,
    dir,
    metricsPort: server.port,
    ruleFiles: [floorFile, ...ruleSets.map((set) => set.file)],
    scrapeInterval: `${scrapeInterval}s`,
    evaluationInterval: `${evalInterval}s`,
  });
  const stop = async () => {
    await prometheus.stop();
    await server.close();
  };
  cleanups.push(stop);
  try {
    return await measure(prometheus, server, counts, floorFile, ruleSets);
  } finally {
    cleanups.splice(cleanups.indexOf(stop), 1);
    await stop();
  }
}

async function measure(
  prometheus: Prometheus,
  server: Awaited<ReturnType<typeof startMetricsServer>>,
  counts: ReturnType<typeof seriesCounts>,
  floorFile: string,
  ruleSets: RuleSet[],
): Promise<EngineRun> {
  const port = prometheus.port;
  log(
    `Prometheus ${prometheus.version} on 127.0.0.1:${port}, scraping ` +
      `${counts.cadvisor + 2 * counts.kubeStateMetricsPerReplica} series`,
  );
  await waitUntil(async () => (await instantValue(port, 'count(up == 1)', Date.now() / 1000)) === 4, 120_000);
  const dataStart = Date.now();
  const loadBefore = loadavg()[0]!;
  log(`all targets up; collecting ${RUN_SECONDS} s of data (OOM kills at ${RUN_SECONDS / 2} s)`);

  while (Date.now() - dataStart < RUN_SECONDS * 1000) {
    if ((Date.now() - dataStart) / 1000 >= RUN_SECONDS / 2) server.kill();
    await sleep(evalInterval * 1000);
  }
  // The queries below read the data as it was here, when every rule set had run on it side by side.
  const time = Math.floor(Date.now() / 1000) - 1;
  const turns = [floorFile, ...ruleSets.map((set) => set.file)].map((file) => ({ file, beside: [] as string[] }));
  const phases = new Map<string, LivePhase>();
  for (const { file, beside } of turns) {
    const company = beside.length > 0 ? ` beside ${beside.map((f) => basename(f)).join(', ')}` : ' alone';
    log(`live: ${basename(file)}${company} for ${LIVE_SECONDS} s`);
    phases.set(
      file,
      await liveAlone(prometheus, file, evalInterval, Math.max(1, Math.round(LIVE_SECONDS / evalInterval)), beside),
    );
  }
  const liveLoads = [...phases.values()].map((phase) => phase.load);
  server.stopServing();
  // Let scrapes and evaluations in flight land; then stop all scraping and rule evaluation, so query timings
  // measure the query alone.
  await sleep((scrapeInterval + 2) * 1000);
  await prometheus.idle();
  await sleep(evalInterval * 1000);
  log(`data stopped; measuring every rule expression at ${new Date(time * 1000).toISOString()}, ${cpuRounds} rounds`);

  const broken = [...phases.values()].flatMap(failingRules);
  const liveSeconds = (file: string, group: string, index: number) => ruleSeconds(phases.get(file)!, group, index);

  // Every expression to query, by item key; live seconds by the same key.
  const items: QueryItem[] = [EMPTY_QUERIES];
  const liveOf = new Map<string, number>();
  const floorParts = Object.entries(FLOOR_RULES) as [FloorPart, { expr: string }][];
  floorParts.forEach(([part, rule], i) => {
    items.push({ key: `floor ${part}`, exprs: [rule.expr] });
    liveOf.set(`floor ${part}`, liveSeconds(floorFile, FLOOR_GROUP.name, i));
  });
  const partsOf = new Map<number, Part[]>();
  for (const set of ruleSets) {
    const indexInGroup = new Map<string, number>();
    const byPart = new Map<Part, QueryItem>();
    for (const { part, group, rule } of set.measured) {
      const index = indexInGroup.get(group) ?? 0;
      indexInGroup.set(group, index + 1);
      const key = `${set.teams} ${part}`;
      const item = byPart.get(part) ?? { key, exprs: [] };
      item.exprs.push(rule.expr);
      byPart.set(part, item);
      liveOf.set(key, (liveOf.get(key) ?? 0) + liveSeconds(set.file, group, index));
    }
    items.push(...byPart.values());
    partsOf.set(set.teams, [...byPart.keys()]);
  }
  const costs = await measureRounds(prometheus, items, time, cpuRounds);
  const emptyQuerySeconds = costs.get(EMPTY_QUERIES.key)!.cpuSeconds / EMPTY_QUERIES.exprs.length;
  const cost = (key: string, rules: number) => {
    const measured = costs.get(key)!;
    const queries = items.find((item) => item.key === key)!.exprs.length;
    return {
      rules,
      samples: measured.samples,
      cpuSeconds: Math.max(0, measured.cpuSeconds - queries * emptyQuerySeconds),
      queryCpuSeconds: measured.cpuSeconds,
      liveSeconds: liveOf.get(key)!,
    };
  };

  const floor = {
    parts: new Map(floorParts.map(([part]) => [part, cost(`floor ${part}`, 1)])),
    groupSeconds: groupSeconds(phases.get(floorFile)!),
  };
  const runs: TeamRun[] = [];
  const checks: string[] = [];
  for (const set of ruleSets) {
    const parts = new Map(
      partsOf
        .get(set.teams)!
        .map((part) => [part, cost(`${set.teams} ${part}`, set.measured.filter((m) => m.part === part).length)]),
    );
    runs.push({ teams: set.teams, parts, groupSeconds: groupSeconds(phases.get(set.file)!) });
    const owners = `headroom_n${set.teams}:namespace_owner:info`;
    const ownerSeries = await instantValue(port, `count(${owners})`, time);
    const ownedNamespaces = await instantValue(port, `count(count by (namespace) (${owners}))`, time);
    checks.push(`${set.teams} teams: ${ownerSeries} owner series for ${ownedNamespaces} namespaces`);
  }
  let literal: string;
  try {
    const result = await instantQuery(port, LITERAL_NEAR_LIMIT, time);
    literal = `evaluates: ${result.samples.toLocaleString('en-US')} samples, ${result.resultSeries} series`;
  } catch (error) {
    if (!(error instanceof QueryFailed)) throw error;
    literal = `fails: \`${error.message}\``;
  }
  const seenNamespaces = await instantValue(
    port,
    'count(count by (namespace) (kube_pod_container_status_restarts_total))',
    time,
  );
  const hold = Number(flags['hold-seconds']);
  if (hold > 0) {
    // For looking into a figure by hand: the idle Prometheus keeps its data a while longer.
    log(`holding Prometheus on 127.0.0.1:${port} for ${hold} s; data at time=${time}`);
    await sleep(hold * 1000);
  }
  log(`Prometheus ${prometheus.version} measured`);
  const failing = broken.map((rule) => `${rule.file} ${rule.group}#${rule.index}: ${rule.lastError}`);
  return {
    version: prometheus.version,
    floor,
    runs,
    emptyQuerySeconds,
    load: { before: loadBefore, live: { min: Math.min(...liveLoads), max: Math.max(...liveLoads) } },
    literal,
    checks: `${seenNamespaces} namespaces in the data; ${checks.join('; ')}.${
      failing.length > 0 ? `\nRules failing: ${failing.join('; ')}` : ' No rule failed.'
    }`,
  };
}

function report(started: Date, cluster: Cluster, engines: EngineRun[]): string {
  const counts = seriesCounts(cluster, true);
  const args = process.argv.slice(2);
  const command = args.length === 0 ? DEFAULT_COMMAND : `${DEFAULT_COMMAND} -- ${args.join(' ')}`;
  const cpu = cpus();
  const count = (n: number) => n.toLocaleString('en-US');
  // Each paragraph and list item is one line of Markdown, written here as sentences joined by spaces.
  const machine =
    `\`${command}\` on ${started.toISOString().slice(0, 10)}: ` +
    `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB; ` +
    `Prometheus ${engines.map((engine) => engine.version).join(' and ')}.`;
  const data = [
    `${count(containers)} containers in ${count(cluster.pods.length)} pods, ${cluster.namespaces.length} namespaces,`,
    `${cluster.nodes.length} nodes; series scraped: cadvisor ${count(counts.cadvisor)} (incl. pod cgroup and pause),`,
    `kube-state-metrics ${count(counts.kubeStateMetricsPerReplica)} × 2 replicas.`,
    'Teams claim their namespaces by exact names (odd teams) or one glob (even teams), every tenth team a node pool;',
    `${settings} distinct team settings.`,
  ].join(' ');
  const timing = [
    `Scrape every ${scrapeInterval}s, rules every ${evalInterval}s, ${RUN_SECONDS}s of data;`,
    `OOM window ${DEFAULT_OOM_WINDOW}${settings > 5 ? ' (some teams 1m)' : ''}.`,
    'Each engine runs alone, one after the other: every rule set side by side while the data is collected,',
    'then each rule file alone for the live times.',
  ].join(' ');
  const cpuItem = [
    "- **CPU**: Prometheus process CPU time (all threads, scheduler nanoseconds) per evaluation of a part's",
    'expressions at that time, queried over the HTTP API (one query per rule, wrapped in `count()`) after scraping',
    `and rule evaluation have stopped; median of ${cpuRounds} rounds, each round querying every part of every rule set`,
    'in turn, so load changes weigh on all alike, and each part starting on a freshly collected heap',
    "(`/debug/pprof/heap?gc=1`, not counted), so no part pays for a garbage collection another part's garbage caused.",
    'Other processes do not count, but a busy machine slows every query (shared caches and cores).',
    'Each query over HTTP pays a fixed cost that rule evaluation does not (request, parsing, JSON, and the garbage',
    'collections their responses cause: the `empty query` of each engine below, the mean over',
    `${count(EMPTY_QUERIES.exprs.length)} queries): **CPU** is the measured time less one empty query per rule;`,
    '**CPU over HTTP** (per part) is the time as measured.',
  ].join(' ');
  const liveItem = [
    '- **live**: median per-rule and per-group `evaluationTime` (/api/v1/rules, one poll per evaluation over',
    `${LIVE_SECONDS}s) while the rule file (the floor or one team count) is the only one Prometheus evaluates,`,
    "scraping going on as before; a file's group time is the sum over its groups. Wall time: it includes annotation",
    'templates, which the floor has none of, and waiting for a core while scrapes run (`load` is the 1-minute load',
    "average at the end of each file's turn).",
  ].join(' ');
  const floorItem = [
    '- Floor (one rule each, kube-prometheus selectors):',
    `near-limit \`${FLOOR_RULES['near-limit'].expr}\`;`,
    `OOM \`${FLOOR_RULES.oom.expr}\`;`,
    `node \`${FLOOR_RULES.node.expr}\`.`,
    `Without \`max by\`, the near-limit rule ${engines[0]?.literal ?? ''}.`,
  ].join(' ');
  return `<!-- generated by \`${command}\` (bench/rule-cost.ts); do not edit -->
# Rule cost: headroom vs one global rule per alert

${machine}
${data}
${timing}

- **samples read**: \`stats.samples.totalQueryableSamples\` of each rule expression queried at one fixed time.
${cpuItem}
${liveItem}
${floorItem}

## Summary: 1 to ${count(Math.max(...teamCounts))} teams against the floor

${summaryTable(engines)}

${engines.map((engine) => engineSection(engine)).join('\n\n')}`;
}

await main();
