// headroom's rules as the benchmark loads them: taken from the PrometheusRule objects `generate()` builds, each
// rule labelled with the part of the structure it belongs to, and the recorded series renamed per team count so
// the rule sets of several team counts can run side by side in one Prometheus without overwriting each other.
import { generate } from '../src/generate.ts';
import { treeRuleGroups } from '../src/mixin/tree-rule-groups.ts';
import {
  ABOVE_THRESHOLD,
  CONTAINER_RESTARTS,
  MEMORY_RATIO,
  NAMESPACE_CONTAINERS,
  NAMESPACE_OWNER,
  NAMESPACE_OWNER_UNKNOWN,
  NAMESPACE_THRESHOLD,
  NODE_OWNER,
  NODE_SEEN,
  OOM_RESTARTS,
  TEAM_INFO,
  TEAM_SETTING,
  INIT_CONTAINER_TYPE,
  RESTARTS_IN_WINDOW,
  EXIT137_PEAK_RATIO,
  OOM_EVENTS,
  EXIT137_RESTARTS,
} from '../src/rules/record-names.ts';
import { containerMemoryNearLimit } from '../src/alerts/container-memory-near-limit.ts';
import { containerOOMKilled } from '../src/alerts/container-oom-killed.ts';
import { nodeMemoryPressure } from '../src/alerts/node-memory-pressure.ts';
import type { Rule, RuleGroup } from '../src/rules/rule-types.ts';

export const PARTS = [
  'ratio',
  'restart counter',
  'namespace containers',
  'ownership',
  'thresholds',
  'above threshold',
  'near-limit alerts',
  'OOM restarts',
  'OOM alerts',
  'node ownership',
  'node alerts',
] as const;
export type Part = (typeof PARTS)[number];

/** Which floor rule a part is weighed against. */
export const FLOOR_OF: Record<Part, 'near-limit' | 'oom' | 'node'> = {
  ratio: 'near-limit',
  // The deduplicated restart counter serves ownership and the OOM alert; weighed with the OOM chain it replaces reads
  // of.
  'restart counter': 'oom',
  // Namespace ownership serves both container alerts; counted with the near-limit chain.
  'namespace containers': 'near-limit',
  ownership: 'near-limit',
  thresholds: 'near-limit',
  'above threshold': 'near-limit',
  'near-limit alerts': 'near-limit',
  'OOM restarts': 'oom',
  'OOM alerts': 'oom',
  'node ownership': 'node',
  'node alerts': 'node',
};

const RECORDED_PART: Record<string, Part> = {
  [MEMORY_RATIO]: 'ratio',
  [CONTAINER_RESTARTS]: 'restart counter',
  [NAMESPACE_CONTAINERS]: 'namespace containers',
  [NAMESPACE_OWNER]: 'ownership',
  [NAMESPACE_OWNER_UNKNOWN]: 'ownership',
  // The teams table (constant series) serves namespaces and nodes; counted with namespace ownership.
  [TEAM_INFO]: 'ownership',
  [TEAM_SETTING]: 'ownership',
  [NAMESPACE_THRESHOLD]: 'thresholds',
  [ABOVE_THRESHOLD]: 'above threshold',
  [OOM_RESTARTS]: 'OOM restarts',
  // ContainerOOMKilled's evidence for exit 137 and its init containers / sidecars: part of the OOM chain.
  [INIT_CONTAINER_TYPE]: 'OOM restarts',
  [RESTARTS_IN_WINDOW]: 'OOM restarts',
  [EXIT137_PEAK_RATIO]: 'OOM restarts',
  [OOM_EVENTS]: 'OOM restarts',
  [EXIT137_RESTARTS]: 'OOM restarts',
  [NODE_OWNER]: 'node ownership',
  [NODE_SEEN]: 'node ownership',
};

const ALERT_PART: Record<string, Part> = {
  [containerMemoryNearLimit.name]: 'near-limit alerts',
  [containerOOMKilled.name]: 'OOM alerts',
  [nodeMemoryPressure.name]: 'node alerts',
};

function partOf(rule: Rule): Part | undefined {
  return 'record' in rule ? RECORDED_PART[rule.record] : ALERT_PART[rule.alert];
}

export interface MeasuredRule {
  part: Part;
  group: string;
  rule: Rule;
}

/** Replaces the `headroom:` prefix of recorded series (in records, expressions and annotation queries). */
function renameRecords(group: RuleGroup, prefix: string): RuleGroup {
  const rename = (text: string) => text.replace(/\bheadroom:/g, `${prefix}:`);
  return {
    name: group.name,
    rules: group.rules.map((rule) => {
      const renamed = { ...rule, expr: rename(rule.expr) };
      if ('record' in renamed) renamed.record = rename(renamed.record);
      if ('annotations' in renamed) {
        renamed.annotations = Object.fromEntries(Object.entries(renamed.annotations).map(([k, v]) => [k, rename(v)]));
        // Rule sets of several team counts give a container the same team and settings: without a label of their own
        // their alerts write the same ALERTS series from two groups ("out of order sample").
        renamed.labels = { ...renamed.labels, bench_set: prefix };
      }
      return renamed;
    }),
  };
}

export interface BenchRules {
  /** Groups to load, recorded series renamed with `prefix`; groups with no measured part (the meta-alert) left out. */
  groups: RuleGroup[];
  /** Every loaded rule in evaluation order with its part; rule here is the renamed one. */
  measured: MeasuredRule[];
}

export async function benchRules(configFile: string, prefix: string): Promise<BenchRules> {
  const { tree } = await generate(configFile);
  const groups: RuleGroup[] = [];
  const measured: MeasuredRule[] = [];
  for (const { group: original } of treeRuleGroups(tree)) {
    if (!original.rules.some((rule) => partOf(rule) !== undefined)) continue;
    const group = renameRecords(original, prefix);
    groups.push(group);
    group.rules.forEach((rule, i) => {
      const part = partOf(original.rules[i]!);
      if (!part)
        throw new Error(`rule ${JSON.stringify(rule).slice(0, 120)} of ${group.name} belongs to no measured part`);
      measured.push({ part, group: group.name, rule });
    });
  }
  return { groups, measured };
}
