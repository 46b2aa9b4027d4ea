// headroom's rules as the benchmark loads them: taken from the PrometheusRule objects `generate()` builds, each rule
// labelled with the part of the structure it belongs to, and the recorded series renamed per team count so one rule
// set's series never mix with another's. An alert's chain is the alert with every recording rule it reads, directly
// or through other recordings: what that alert costs on its own, weighed against its floor rule.
import { generate } from '../src/generate.ts';
import { treeRuleGroups } from '../src/mixin/tree-rule-groups.ts';
import * as RECORD from '../src/rules/record-names.ts';
import type { Rule, RuleGroup } from '../src/rules/rule-types.ts';

/** The parts of the structure, in the order the report lists them. */
export const PARTS = [
  'ratio',
  'restart counter',
  'namespace containers',
  'ownership',
  'thresholds',
  'above threshold',
  'near-limit alerts',
  'OOM restarts',
  'exit-137 evidence',
  'OOM alerts',
  'silent OOM',
  'leak',
  'pod near limit',
  'evictions',
  'risk reports',
  'node ownership',
  'node alerts',
  'meta-alerts',
] as const;
export type Part = (typeof PARTS)[number];

/** What each part is, for the report. */
export const PART_NOTES: Record<Part, string> = {
  ratio: 'working set / limit per container, HA replicas deduplicated',
  'restart counter': 'restarts per container, HA replicas deduplicated',
  'namespace containers': 'namespaces seen from both exporters',
  ownership: 'namespace → team decision and the teams table',
  thresholds: 'threshold per namespace',
  'above threshold': 'containers above the lowest threshold',
  'near-limit alerts': 'ContainerMemoryNearLimit rules',
  'OOM restarts': 'restarts in the window, init container types, kills with reason OOMKilled',
  'exit-137 evidence': 'reason Error with exit code 137: OOM events, peak ratio',
  'OOM alerts': 'ContainerOOMKilled rules',
  'silent OOM': 'ContainerProcessOOMKilled and its kills without a restart',
  leak: 'ContainerMemoryLeak and its forecast (predict_linear over every container)',
  'pod near limit': 'PodMemoryNearLimit and the pod cgroup ratio',
  evictions: 'PodsEvicted and NodeMemoryEvictions with their recordings',
  'risk reports': 'ContainersWithoutMemoryLimit and ContainersAboveMemoryRequest with their recordings',
  'node ownership': 'node → team decision, nodes seen',
  'node alerts': 'NodeMemoryPressure rules',
  'meta-alerts': 'HeadroomInputMissing (inputs present) and HeadroomRulesFailing',
};

const RECORDED_PART: Record<string, Part> = {
  [RECORD.MEMORY_RATIO]: 'ratio',
  [RECORD.CONTAINER_RESTARTS]: 'restart counter',
  [RECORD.NAMESPACE_CONTAINERS]: 'namespace containers',
  [RECORD.NAMESPACE_OWNER]: 'ownership',
  [RECORD.NAMESPACE_OWNER_UNKNOWN]: 'ownership',
  // The teams table (constant series) serves namespaces and nodes; counted with namespace ownership.
  [RECORD.TEAM_INFO]: 'ownership',
  [RECORD.TEAM_SETTING]: 'ownership',
  [RECORD.NAMESPACE_THRESHOLD]: 'thresholds',
  [RECORD.ABOVE_THRESHOLD]: 'above threshold',
  [RECORD.INIT_CONTAINER_TYPE]: 'OOM restarts',
  [RECORD.RESTARTS_IN_WINDOW]: 'OOM restarts',
  [RECORD.OOM_RESTARTS]: 'OOM restarts',
  // Also read by the silent OOM chain; counted here.
  [RECORD.OOM_EVENTS]: 'exit-137 evidence',
  [RECORD.EXIT137_RESTARTS]: 'exit-137 evidence',
  [RECORD.EXIT137_PEAK_RATIO]: 'exit-137 evidence',
  [RECORD.PROCESS_OOM_KILLS]: 'silent OOM',
  [RECORD.MEMORY_FORECAST]: 'leak',
  [RECORD.FORECAST_OVER_LIMIT]: 'leak',
  [RECORD.POD_MEMORY_RATIO]: 'pod near limit',
  [RECORD.POD_EVICTED]: 'evictions',
  [RECORD.NAMESPACE_PODS_EVICTED]: 'evictions',
  [RECORD.NODE_MEMORY_EVICTIONS]: 'evictions',
  [RECORD.WITHOUT_LIMIT]: 'risk reports',
  [RECORD.NAMESPACE_WITHOUT_LIMIT]: 'risk reports',
  [RECORD.REQUEST_RATIO]: 'risk reports',
  [RECORD.ABOVE_REQUEST]: 'risk reports',
  [RECORD.NAMESPACE_ABOVE_REQUEST]: 'risk reports',
  [RECORD.NODE_OWNER]: 'node ownership',
  [RECORD.NODE_SEEN]: 'node ownership',
  [RECORD.INPUT_PRESENT]: 'meta-alerts',
};

const ALERT_PART: Record<string, Part> = {
  ContainerMemoryNearLimit: 'near-limit alerts',
  ContainerOOMKilled: 'OOM alerts',
  ContainerProcessOOMKilled: 'silent OOM',
  ContainerMemoryLeak: 'leak',
  PodMemoryNearLimit: 'pod near limit',
  NodeMemoryPressure: 'node alerts',
  NodeMemoryEvictions: 'evictions',
  PodsEvicted: 'evictions',
  ContainersWithoutMemoryLimit: 'risk reports',
  ContainersAboveMemoryRequest: 'risk reports',
  HeadroomInputMissing: 'meta-alerts',
  HeadroomRulesFailing: 'meta-alerts',
};

function partOf(rule: Rule): Part {
  if ('alert' in rule) {
    const part = ALERT_PART[rule.alert];
    if (!part) throw new Error(`alert ${rule.alert} belongs to no measured part (bench/rule-parts.ts)`);
    return part;
  }
  // The OOM kills evidenced by an OOM event (reason Error, exit code 137) rather than by reason OOMKilled.
  if (rule.record === RECORD.OOM_RESTARTS && rule.labels?.evidence === 'oom-events') return 'exit-137 evidence';
  const part = RECORDED_PART[rule.record];
  if (!part) throw new Error(`recording ${rule.record} belongs to no measured part (bench/rule-parts.ts)`);
  return part;
}

/** The alert chains weighed against a floor rule, and the parts each leaves out. */
export const CHAINS = {
  'near-limit': { alert: 'ContainerMemoryNearLimit', without: [] as Part[] },
  // Like for like with the floor's OOM rule, which has no evidence of kills with reason Error: the evidence rules
  // are left out (the alert then reads nothing there) and reported as a part of their own.
  oom: { alert: 'ContainerOOMKilled', without: ['exit-137 evidence'] as Part[] },
} as const;
export type Chain = keyof typeof CHAINS;

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
        // Two rule sets give a container the same team and settings: should two ever be loaded at once (the benchmark
        // loads one at a time), a label of their own keeps their alerts from writing the same ALERTS series.
        renamed.labels = { ...renamed.labels, bench_set: prefix };
      }
      return renamed;
    }),
  };
}

interface BenchRules {
  /** Every group generate() writes, recorded series renamed with `prefix`. */
  groups: RuleGroup[];
  /** Every rule in evaluation order with its part; rule here is the renamed one. */
  measured: MeasuredRule[];
  prefix: string;
}

export async function benchRules(configFile: string, prefix: string): Promise<BenchRules> {
  const { tree } = await generate(configFile);
  const groups: RuleGroup[] = [];
  const measured: MeasuredRule[] = [];
  for (const { group: original } of treeRuleGroups(tree)) {
    const group = renameRecords(original, prefix);
    groups.push(group);
    group.rules.forEach((rule, i) => {
      measured.push({ part: partOf(original.rules[i]!), group: group.name, rule });
    });
  }
  return { groups, measured, prefix };
}

/** Recorded series a rule reads, in its expression or its annotations' queries. */
function reads(rule: Rule, prefix: string): string[] {
  const text = [rule.expr, ...('annotations' in rule ? Object.values(rule.annotations) : [])].join('\n');
  return [...new Set(text.match(new RegExp(`\\b${prefix}:[a-z0-9_]+:[a-z0-9_]+`, 'g')) ?? [])];
}

/**
 * The chain's rules: the alert's, and every recording rule they read, directly or through others, except those of
 * the left-out parts; groups as generate() wrote them, in order, without the rules outside the chain.
 */
export function chainGroups(rules: BenchRules, chain: Chain): RuleGroup[] {
  const { alert, without } = CHAINS[chain];
  const excluded = new Set<Part>(without);
  const inChain = new Set<Rule>();
  let pending = rules.measured.filter((m) => 'alert' in m.rule && m.rule.alert === alert);
  while (pending.length > 0) {
    for (const m of pending) inChain.add(m.rule);
    const wanted = new Set(pending.flatMap((m) => reads(m.rule, rules.prefix)));
    pending = rules.measured.filter(
      (m) => 'record' in m.rule && wanted.has(m.rule.record) && !excluded.has(m.part) && !inChain.has(m.rule),
    );
  }
  return rules.groups
    .map((group) => ({ name: group.name, rules: group.rules.filter((rule) => inChain.has(rule)) }))
    .filter((group) => group.rules.length > 0);
}
