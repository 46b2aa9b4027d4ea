// A group's recording rules as the parts that may go to groups of their own when they would not fit one Kubernetes
// object. A rule recorded once (no labels of its own: the memory ratio, the restarts, the threshold per namespace) is
// the group's base and stays in it. A rule recorded once per setting (labels of its own: a window, an evidence) grows
// with the settings teams choose; it may move, together with every per-setting rule it reads or that reads it (its
// chain), in their order, so that no rule reads a series its own chain records in the same evaluation from another
// group. A chain reads the base from the base's group as alert rules moved out of it already do (fit-group.ts): as
// the base was at that group's last evaluation. A chain a base rule reads (every forecast, read by the one rule that
// keeps those over the limit) is marked: fit-group.ts keeps it with the base while they fit one object.
import { selectorsOf } from '../promql/read.ts';
import type { Selector } from '../promql/index.ts';
import { byCodePoint } from '../values/ordering.ts';
import type { RecordingRule } from '../rules/rule-types.ts';

interface RecordingChain {
  /** Its first rule's labels (`window=10m`): what it is cut by; several chains may share one. */
  key: string;
  rules: RecordingRule[];
  /** A base rule reads it. */
  readByBase: boolean;
}

/** Whether `selector` may select a series `rule` records: its name, and its matchers agree with the rule's labels. */
function selects(selector: Selector, rule: RecordingRule): boolean {
  if (selector.metric !== rule.record) return false;
  return selector.matchers.every((matcher) => {
    const value = rule.labels?.[matcher.label];
    // A label the rule does not set itself, or a regular expression: it may match; the rules stay together.
    if (value === undefined || matcher.op === '=~' || matcher.op === '!~') return true;
    return matcher.op === '=' ? value === matcher.value : value !== matcher.value;
  });
}

function hasLabels(rule: RecordingRule): boolean {
  return Object.keys(rule.labels ?? {}).length > 0;
}

function labelsText(rule: RecordingRule): string {
  return Object.entries(rule.labels ?? {})
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([name, value]) => `${name}=${value}`)
    .join(',');
}

/** `rules` (a group's recording rules, in order) as its base (in order) and its chains (each in order). */
export function recordingChains(rules: readonly RecordingRule[]): { base: RecordingRule[]; chains: RecordingChain[] } {
  // Union-find over the rules: a chain is a set of per-setting rules joined by reads.
  const parent = rules.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const pinned = new Set<number>();
  const byRecord = new Map<string, number[]>();
  rules.forEach((rule, i) => {
    const same = byRecord.get(rule.record);
    if (same) same.push(i);
    else byRecord.set(rule.record, [i]);
  });
  rules.forEach((rule, i) => {
    for (const selector of selectorsOf(rule.expr)) {
      for (const j of byRecord.get(selector.metric ?? '') ?? []) {
        if (j === i || !hasLabels(rules[j]!) || !selects(selector, rules[j]!)) continue;
        if (hasLabels(rule)) parent[root(i)] = root(j);
        else pinned.add(j);
      }
    }
  });
  const pinnedRoots = new Set([...pinned].map(root));
  const chains = new Map<number, RecordingRule[]>();
  rules.forEach((rule, i) => {
    if (!hasLabels(rule)) return;
    const chain = chains.get(root(i)) ?? [];
    chain.push(rule);
    chains.set(root(i), chain);
  });
  return {
    base: rules.filter((rule) => !hasLabels(rule)),
    chains: [...chains].map(([at, chain]) => ({
      key: labelsText(chain[0]!),
      rules: chain,
      readByBase: pinnedRoots.has(at),
    })),
  };
}
