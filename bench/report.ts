// The rule-cost benchmark's figures as markdown: the targets (growth, like for like, budget) with their verdicts,
// each rule file's CPU per evaluation and live group time, and what each part of headroom's structure takes.
import { cpus, totalmem } from 'node:os';
import type { Cluster } from './cluster.ts';
import { FLOOR_RULES } from './floor-rules.ts';
import type { Window } from './live-phases.ts';
import { median } from './median.ts';
import { CHAINS, PART_NOTES, PARTS, type MeasuredRule, type Part } from './rule-parts.ts';

export interface MeasuredFile {
  key: string;
  ruleCount: number;
  /** The rules with their parts, for the files of whole rule sets. */
  rules: MeasuredRule[] | undefined;
  windows: Window[];
  /** The scrape-only windows just before and just after the file's. */
  scrapeOnly: [Window, Window];
}

export interface EngineRun {
  version: string;
  loadBefore: number;
  files: MeasuredFile[];
  checks: string[];
  failing: string[];
  literal: string;
}

export interface BenchRun {
  command: string;
  started: Date;
  cluster: Cluster;
  counts: { cadvisor: number; kubeStateMetricsPerReplica: number; kubelet: number };
  teamCounts: number[];
  settings: number;
  scrapeInterval: number;
  evalInterval: number;
  evaluations: number;
  repetitions: number;
  warmupSeconds: number;
  window: string;
  leakLookback: string;
  engines: EngineRun[];
}

/** The targets of issue 18. */
const GROWTH_MAX = 1.1;
const LIKE_FOR_LIKE_MAX = 1.25;
/** 10 % of a core at a 30 s interval: 3 s of CPU, and of group time, per evaluation. */
const BUDGET_SECONDS = 3;
const BUDGET_INTERVAL = 30;

interface Spread {
  median: number;
  min: number;
  max: number;
}

function spread(values: number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** CPU seconds per evaluation in each window: the file's CPU rate less the scrape-only windows' around it. */
function cpuPerEvaluation(file: MeasuredFile, evalSeconds: number): number[] {
  const baseline = (file.scrapeOnly[0].cpuPerSecond + file.scrapeOnly[1].cpuPerSecond) / 2;
  return file.windows.map((window) => (window.cpuPerSecond - baseline) * evalSeconds);
}

/** Sum over the file's groups of each group's mean evaluation time, per window. */
function groupTime(file: MeasuredFile): number[] {
  return file.windows.map((window) => [...window.groupSeconds.values()].reduce((a, b) => a + b, 0));
}

/** Window by window: a's figure over b's (the windows of a repetition ran minutes apart, under like load). */
function ratios(a: number[], b: number[]): number[] {
  return a.map((value, i) => value / b[i]!);
}

const ms = (seconds: number) =>
  (seconds * 1000).toFixed(Math.abs(seconds) < 0.01 ? 2 : Math.abs(seconds) < 0.1 ? 1 : 0);
const msSpread = (s: Spread) => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;
const timesSpread = (s: Spread) => `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
const count = (n: number) => n.toLocaleString('en-US');
const verdict = (met: boolean) => (met ? 'met' : '**missed**');

function file(engine: EngineRun, key: string): MeasuredFile {
  const found = engine.files.find((f) => f.key === key);
  if (!found) throw new Error(`no measured file ${key}`);
  return found;
}

function targetRows(run: BenchRun, engine: EngineRun): string[] {
  const cpu = (key: string) => cpuPerEvaluation(file(engine, key), run.evalInterval);
  const live = (key: string) => groupTime(file(engine, key));
  const most = `teams ${run.teamCounts.at(-1)}`;
  const least = `teams ${run.teamCounts[0]}`;
  const rows: string[] = [];
  const ratioRow = (what: string, a: number[], b: number[], max: number) => {
    const s = spread(ratios(a, b));
    rows.push(
      `| ${engine.version} | ${what} | ${timesSpread(s)} | ≤ ${max.toFixed(2)}× | ${verdict(s.median <= max)} |`,
    );
  };
  if (most !== least) {
    const growth = `growth, ${count(run.teamCounts.at(-1)!)} teams / ${count(run.teamCounts[0]!)}`;
    ratioRow(`${growth}: CPU per evaluation`, cpu(most), cpu(least), GROWTH_MAX);
    ratioRow(`${growth}: live group time`, live(most), live(least), GROWTH_MAX);
  }
  for (const chain of Object.keys(CHAINS) as (keyof typeof CHAINS)[]) {
    const what = `like for like, ${chain} chain / floor rule`;
    ratioRow(`${what}: CPU per evaluation`, cpu(`chain ${chain}`), cpu(`floor ${chain}`), LIKE_FOR_LIKE_MAX);
    ratioRow(`${what}: live group time`, live(`chain ${chain}`), live(`floor ${chain}`), LIKE_FOR_LIKE_MAX);
  }
  const budgetRow = (what: string, values: number[]) => {
    const s = spread(values);
    const share = `${((s.median / BUDGET_INTERVAL) * 100).toFixed(1)} % of a core at ${BUDGET_INTERVAL}s`;
    rows.push(
      `| ${engine.version} | budget, ${what} (${count(run.teamCounts.at(-1)!)} teams) | ${msSpread(s)} ms, ` +
        `${share} | ≤ ${BUDGET_SECONDS * 1000} ms | ${verdict(s.median <= BUDGET_SECONDS)} |`,
    );
  };
  budgetRow('CPU per evaluation', cpu(most));
  budgetRow('live group time', live(most));
  return rows;
}

function filesTable(run: BenchRun, engine: EngineRun): string {
  const rows = [
    '| rule file | rules | CPU ms per evaluation | live group time ms | scrape-only CPU around it | load |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const f of engine.files) {
    const loads = f.windows.map((w) => w.load);
    rows.push(
      `| ${f.key} | ${count(f.ruleCount)} | ${msSpread(spread(cpuPerEvaluation(f, run.evalInterval)))} | ` +
        `${msSpread(spread(groupTime(f)))} | ${f.scrapeOnly.map((w) => w.cpuPerSecond.toFixed(3)).join(' / ')} s/s | ` +
        `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} |`,
    );
  }
  return rows.join('\n');
}

/** Per part: the summed last evaluation time of its rules after each window (rules API), median over the windows. */
function partsTable(engine: EngineRun): string {
  const sets = engine.files.filter((f) => f.rules !== undefined);
  const rows = [
    `| part | what | ${sets.map((f) => `${f.key}: rules | live ms | share`).join(' | ')} |`,
    `| --- | --- | ${sets.map(() => '---: | ---: | ---:').join(' | ')} |`,
  ];
  const partSeconds = (f: MeasuredFile): Map<Part, number[]> => {
    const byPart = new Map<Part, number[]>(PARTS.map((part) => [part, []]));
    for (const window of f.windows) {
      const sums = new Map<Part, number>();
      const seen = new Map<string, number>();
      for (const m of f.rules!) {
        const index = seen.get(m.group) ?? 0;
        seen.set(m.group, index + 1);
        const seconds = window.groups.find((g) => g.group === m.group)?.rules[index]?.seconds ?? 0;
        sums.set(m.part, (sums.get(m.part) ?? 0) + seconds);
      }
      for (const part of PARTS) byPart.get(part)!.push(sums.get(part) ?? 0);
    }
    return byPart;
  };
  const perSet = sets.map((f) => {
    const seconds = partSeconds(f);
    const total = median(f.windows.map((_, i) => PARTS.reduce((sum, part) => sum + seconds.get(part)![i]!, 0)));
    return { f, seconds, total };
  });
  for (const part of PARTS) {
    const cells = perSet.map(({ f, seconds, total }) => {
      const rules = f.rules!.filter((m) => m.part === part).length;
      const partMedian = median(seconds.get(part)!);
      return `${count(rules)} | ${ms(partMedian)} | ${total > 0 ? ((partMedian / total) * 100).toFixed(0) : '–'} %`;
    });
    rows.push(`| ${part} | ${PART_NOTES[part]} | ${cells.join(' | ')} |`);
  }
  rows.push(
    `| all rules | sum of the rules' times | ${perSet
      .map(({ f, total }) => `${count(f.ruleCount)} | ${ms(total)} | 100 %`)
      .join(' | ')} |`,
  );
  return rows.join('\n');
}

export function report(run: BenchRun): string {
  const cpu = cpus();
  const c = run.cluster;
  const machine =
    `\`${run.command}\` on ${run.started.toISOString().slice(0, 16).replace('T', ' ')} UTC: ${cpu.length} × ` +
    `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB; ` +
    `Prometheus ${run.engines.map((e) => e.version).join(' and ')}.`;
  const data = [
    `${count(c.containers.length)} containers in ${count(c.pods.length)} pods, ${c.namespaces.length} namespaces,`,
    `${c.nodes.length} nodes; 3 % of the containers above 85 % of their limit; series scraped: cadvisor`,
    `${count(run.counts.cadvisor)}, kube-state-metrics ${count(run.counts.kubeStateMetricsPerReplica)} × 2 replicas,`,
    `kubelet ${count(run.counts.kubelet)}. Once a minute the same 0.5 % of the containers are OOM-killed again, a few`,
    'processes are killed silently and the nodes under pressure evict, so those alerts fire throughout.',
    'Teams claim their namespaces by exact names (odd teams) or one glob (even teams), every tenth team a node pool;',
    `${run.settings} distinct team settings; every alert on (bench/bench-config.ts).`,
  ].join(' ');
  const method = [
    `Scrape every ${run.scrapeInterval}s, rules every ${run.evalInterval}s; windows (OOM, evictions) ${run.window},`,
    `the leak's lookback ${run.leakLookback}.`,
    'Each engine runs alone, one after the other. Each rule file is loaded alone (reload), then, after',
    `${run.warmupSeconds}s for its own recorded series to fill the ranges its rules read (8 s for the floor),`,
    `${run.repetitions} windows of ${run.evaluations} evaluation intervals in a row (the repetitions); before and`,
    `after each file, one window of the same length with no rules loaded (scrape-only).`,
  ].join(' ');
  const figures = [
    "- **CPU per evaluation**: the Prometheus process's CPU time (all threads, scheduler nanoseconds, `/proc`) per",
    'second of a window, less the mean of the scrape-only windows on either side, times the evaluation interval:',
    'what evaluating the file once costs, annotation templates and their queries included, HTTP not at all.\n' +
      '- **live group time**: the mean of `prometheus_rule_group_last_duration_seconds` over the window (self-scraped,',
    "every evaluation), summed over the file's groups: wall time, waits for a core included.\n" +
      '- Figures are the median of the repetitions, (min–max) their spread; ratios are taken repetition by repetition',
    '(window i of one file against window i of the other), then their median and spread.\n' +
      `- Floor: near-limit \`${FLOOR_RULES['near-limit'].expr}\`; OOM \`${FLOOR_RULES.oom.expr}\`.`,
    `Without \`max by\`, the near-limit rule ${run.engines[0]?.literal ?? ''}.\n` +
      "- Chains (bench/rule-parts.ts): the alert's rules and every recording rule they read, directly or through",
    'others, at the largest team count; the OOM chain without the exit-137 evidence (its own line below).',
  ].join(' ');
  const targets = [
    '| Prometheus | target | measured: median (spread) | target | verdict |',
    '| --- | --- | ---: | ---: | --- |',
    ...run.engines.flatMap((engine) => targetRows(run, engine)),
  ].join('\n');
  const sections = run.engines.map(
    (engine) => `## Prometheus ${engine.version}

Load average ${engine.loadBefore.toFixed(1)} before the engine started.

${filesTable(run, engine)}

### What each part takes (live, per evaluation)

${partsTable(engine)}

Checks: ${engine.checks.join('; ')}. ${
      engine.failing.length > 0 ? `Rules failing: ${engine.failing.join('; ')}` : 'No rule failed.'
    }`,
  );
  return `<!-- generated by \`${run.command}\` (bench/rule-cost.ts); do not edit -->
# Rule cost: headroom's rules as Prometheus evaluates them

${machine}
${data}
${method}

${figures}

## Targets

${targets}

${sections.join('\n\n')}`;
}
