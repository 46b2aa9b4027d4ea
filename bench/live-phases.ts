// What a rule file costs Prometheus as it evaluates it, live: the process's CPU time over windows in which the file
// is the only one loaded, against a window of the same length with no rules at all (scraping goes on in both), so
// the difference is what evaluating the rules costs, free of anything the HTTP API or queries would add. Each window
// is a whole number of evaluation intervals: every group of the file evaluates that many times in it.
import { loadavg } from 'node:os';
import type { Prometheus } from './prometheus.ts';
import { type GroupStatus, instantValue, ruleGroups } from './prometheus-api.ts';
import { sleep } from './prometheus.ts';

export interface Window {
  /** Prometheus process CPU seconds per wall second over the window. */
  cpuPerSecond: number;
  /** Per group of the file: its mean evaluation time over the window (self-scraped), seconds. */
  groupSeconds: Map<string, number>;
  /** The file's groups as /api/v1/rules showed them after the window: each rule's last evaluation time and health. */
  groups: GroupStatus[];
  /** 1-minute load average at the end of the window. */
  load: number;
}

export interface WindowPlan {
  evalSeconds: number;
  /** Evaluations of every group in one window. */
  evaluations: number;
  /** Windows in a row, each a repetition. */
  windows: number;
  /**
   * Wait after loading, before the first window: the previous file's evaluations in flight end and, for rules that
   * read their own recorded series over a range, that range fills.
   */
  warmupSeconds: number;
}

/** Loads `file` alone (undefined: no rules, scraping only), waits, then measures `plan.windows` windows in a row. */
export async function measureWindows(
  prometheus: Prometheus,
  file: string | undefined,
  plan: WindowPlan,
): Promise<Window[]> {
  await prometheus.loadRules(file === undefined ? [] : [file]);
  await sleep(plan.warmupSeconds * 1000);
  const windows: Window[] = [];
  for (let i = 0; i < plan.windows; i++) {
    const started = performance.now();
    const before = prometheus.cpuSeconds();
    await sleep(plan.evalSeconds * plan.evaluations * 1000);
    const cpu = prometheus.cpuSeconds() - before;
    const seconds = (performance.now() - started) / 1000;
    // Between windows: what the rules API and the queries below cost is not the rules'.
    const load = loadavg()[0]!;
    const groups = file === undefined ? [] : (await ruleGroups(prometheus.port)).filter((g) => g.file === file);
    windows.push({
      cpuPerSecond: cpu / seconds,
      groupSeconds: await meanGroupSeconds(prometheus.port, groups, seconds),
      groups,
      load,
    });
  }
  return windows;
}

/**
 * Each group's evaluation time averaged over the window, from Prometheus' own metric as it scraped itself (every
 * evaluation, not only the last one the rules API shows); a group not yet evaluated reports 0, left out.
 */
async function meanGroupSeconds(port: number, groups: GroupStatus[], window: number): Promise<Map<string, number>> {
  const means = new Map<string, number>();
  const range = `${Math.floor(window)}s`;
  for (const group of groups) {
    const metric = `prometheus_rule_group_last_duration_seconds{rule_group="${group.file};${group.group}"}`;
    const mean = await instantValue(port, `avg_over_time((${metric} > 0)[${range}:1s])`, Date.now() / 1000);
    means.set(group.group, mean > 0 ? mean : group.seconds);
  }
  return means;
}
