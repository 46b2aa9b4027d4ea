// A rule group that would not fit one Kubernetes object (a PrometheusRule applied client-side keeps the whole object
// in a 262,144-byte annotation) is split: its recording rules stay in the group, in order, and its alert rules move
// to groups of their own (`<group>-alerts`, then `<group>-alerts-<first alert>`), cut by content (content-chunks.ts)
// so that one more team's settings move only the alert rules near them. An alert rule in another group than the
// recording rules it reads sees them as they were at their group's last evaluation: up to one interval later, as
// every alert already does on vmalert. Recording rules that alone would not fit (one chain per window or other
// setting teams choose, recording-chains.ts) keep their base in the group and move their chains, whole and in order,
// to `<group>-recordings`, `<group>-recordings-<first chain>`, cut by content the same way.
import { byCodePoint } from '../values/ordering.ts';
import { contentChunks } from './content-chunks.ts';
import { partName } from './part-names.ts';
import { recordingChains } from './recording-chains.ts';
import {
  type AlertingRule,
  isAlertingRule,
  type RecordingRule,
  type Rule,
  type RuleGroup,
} from '../rules/rule-types.ts';

/** Bytes of rules (as JSON) one group may hold: room left for the object's metadata under the annotation's limit. */
const GROUP_BUDGET = 200_000;

function bytes(rule: Rule): number {
  return JSON.stringify(rule).length + 16;
}

/** An alert rule's key: its name and its labels (rules of one alert differ by them). */
function alertKey(rule: AlertingRule): string {
  const labels = Object.entries(rule.labels)
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([name, value]) => `${name}=${value}`);
  return [rule.alert, ...labels].join(' ');
}

function total(rules: readonly Rule[]): number {
  return rules.reduce((sum, rule) => sum + bytes(rule), 0);
}

/** The group, or the group of its recording rules and the groups of its alert rules where it is too big. */
export function fitGroup(group: RuleGroup): RuleGroup[] {
  if (total(group.rules) <= GROUP_BUDGET) return [group];
  const alerts = group.rules.filter(isAlertingRule);
  const recording = group.rules.filter((rule): rule is RecordingRule => !isAlertingRule(rule));
  const chunks = contentChunks(alerts, { key: alertKey, size: bytes, budget: GROUP_BUDGET, spacing: 64 });
  // Each chunk keeps the order the alerts had in the group.
  const order = new Map(alerts.map((rule, i) => [rule, i]));
  return [
    ...fitRecordings(group.name, recording),
    ...chunks.map((chunk) => ({
      name: partName(`${group.name}-alerts`, chunk.from),
      rules: [...chunk.items].sort((a, b) => order.get(a)! - order.get(b)!),
    })),
  ];
}

/**
 * The group's recording rules as one group, or as its base and the groups of its chains where they are too big. The
 * chains the base reads stay with it while they fit; past that they move too, and the base reads them as they were
 * at their group's last evaluation (as on vmalert): they feed alerts, never the ownership decision (owner-rules.ts).
 */
function fitRecordings(name: string, recording: RecordingRule[]): RuleGroup[] {
  if (total(recording) <= GROUP_BUDGET) return recording.length > 0 ? [{ name, rules: recording }] : [];
  const { base, chains } = recordingChains(recording);
  const readByBase = chains.filter((chain) => chain.readByBase).flatMap((chain) => chain.rules);
  const keepRead = total(base) + total(readByBase) <= GROUP_BUDGET;
  const kept = new Set([...base, ...(keepRead ? readByBase : [])]);
  const movable = chains.filter((chain) => !(keepRead && chain.readByBase));
  const keyOf = new Map(movable.flatMap((chain) => chain.rules.map((rule) => [rule, chain.key] as const)));
  const chunks = contentChunks([...keyOf.keys()], {
    key: (rule) => keyOf.get(rule)!,
    size: bytes,
    budget: GROUP_BUDGET,
    spacing: 16,
  });
  // Each part keeps the order the rules had in the group: a chain's rules read the ones before them.
  const inOrder = (rules: Iterable<RecordingRule>) => {
    const wanted = new Set(rules);
    return recording.filter((rule) => wanted.has(rule));
  };
  return [
    ...(kept.size > 0 ? [{ name, rules: inOrder(kept) }] : []),
    ...chunks.map((chunk) => ({ name: partName(`${name}-recordings`, chunk.from), rules: inOrder(chunk.items) })),
  ];
}
