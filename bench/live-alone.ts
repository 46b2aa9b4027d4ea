// Live rule evaluation time of one rule file evaluated alone. Run side by side, every rule set waits for cores the
// others hold, and a long group waits longest: the floor's 3 rules and headroom's 1,000 would be weighed under
// different loads. Alone, each file gets the machine Prometheus has while it scrapes the cluster, as in production.
import { loadavg } from 'node:os';
import type { Prometheus } from './prometheus.ts';
import { type GroupStatus, ruleGroups } from './prometheus-api.ts';
import { sleep } from './prometheus.ts';
import { median } from './median.ts';

export interface LivePhase {
  /** The file's groups as /api/v1/rules showed them, one entry per poll, one poll per evaluation interval. */
  polls: GroupStatus[][];
  /** 1-minute load average at the end of the phase. */
  load: number;
}

/** `beside`: files whose recorded series `file` reads (evaluated too, not measured). */
export async function liveAlone(
  prometheus: Prometheus,
  file: string,
  evalSeconds: number,
  polls: number,
  beside: string[] = [],
): Promise<LivePhase> {
  await prometheus.loadRules([...beside, file]);
  // One interval for the other files' evaluations in flight to end, then one poll per evaluation.
  await sleep(evalSeconds * 1000);
  const seen: GroupStatus[][] = [];
  for (let i = 0; i < polls; i++) {
    await sleep(evalSeconds * 1000);
    seen.push((await ruleGroups(prometheus.port)).filter((group) => group.file === file));
  }
  return { polls: seen, load: loadavg()[0]! };
}

/** Median evaluation time of one rule over the polls, seconds. */
export function ruleSeconds(phase: LivePhase, group: string, index: number): number {
  return median(phase.polls.map((poll) => poll.find((g) => g.group === group)?.rules[index]?.seconds ?? 0));
}

/** Sum over the file's groups (or the named ones) of each group's median evaluation time, seconds. */
export function groupSeconds(phase: LivePhase, groups?: string[]): number {
  const names = groups ?? [...new Set(phase.polls.flat().map((group) => group.group))];
  return names.reduce(
    (sum, name) => sum + median(phase.polls.map((poll) => poll.find((g) => g.group === name)?.seconds ?? 0)),
    0,
  );
}

/** Rules whose last evaluation in the phase failed. */
export function failingRules(phase: LivePhase) {
  return (phase.polls.at(-1) ?? []).flatMap((group) => group.rules.filter((rule) => rule.health === 'err'));
}
