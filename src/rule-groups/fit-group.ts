// A rule group that would not fit one Kubernetes object (a PrometheusRule applied client-side keeps the whole object
// in a 262,144-byte annotation) is split: its recording rules stay in the group, in order, and its alert rules move
// to groups of their own (`<group>-alerts`, then `<group>-alerts-<first alert>`), cut by content (content-chunks.ts)
// so that one more team's settings move only the alert rules near them. An alert rule in another group than the
// recording rules it reads sees them as they were at their group's last evaluation: up to one interval later, as
// every alert already does on vmalert.
import { byCodePoint } from '../values/ordering.ts';
import { contentChunks } from './content-chunks.ts';
import { partName } from './part-names.ts';
import { type AlertingRule, isAlertingRule, type Rule, type RuleGroup } from '../rules/rule-types.ts';

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

/** The group, or the group of its recording rules and the groups of its alert rules where it is too big. */
export function fitGroup(group: RuleGroup): RuleGroup[] {
  if (group.rules.reduce((sum, rule) => sum + bytes(rule), 0) <= GROUP_BUDGET) return [group];
  const alerts = group.rules.filter(isAlertingRule);
  const recording = group.rules.filter((rule) => !isAlertingRule(rule));
  const chunks = contentChunks(alerts, { key: alertKey, size: bytes, budget: GROUP_BUDGET, spacing: 64 });
  // Each chunk keeps the order the alerts had in the group.
  const order = new Map(alerts.map((rule, i) => [rule, i]));
  return [
    ...(recording.length > 0 ? [{ name: group.name, rules: recording }] : []),
    ...chunks.map((chunk) => ({
      name: partName(`${group.name}-alerts`, chunk.from),
      rules: [...chunk.items].sort((a, b) => order.get(a)! - order.get(b)!),
    })),
  ];
}
