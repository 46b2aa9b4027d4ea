// prometheus-operator PrometheusRule objects, one per rule group, so a change shows up in one file.
// canonicalGroup is the group as every rule output writes it (plain rule files carry the same groups).
import type { Model } from '../model/model.ts';
import { sortKeys } from '../values/ordering.ts';
import { isAlertingRule, type Rule, type RuleGroup } from '../rules/rule-types.ts';

export interface PrometheusRuleObject {
  apiVersion: 'monitoring.coreos.com/v1';
  kind: 'PrometheusRule';
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: { groups: RuleGroup[] };
}

export const PROMETHEUS_RULES_DIR = 'prometheus-rules/';

/** Where a group's PrometheusRule object is written in the generated tree. */
export function prometheusRulePath(group: RuleGroup): string {
  return `${PROMETHEUS_RULES_DIR}${group.name}.yaml`;
}

export function prometheusRule(model: Model, group: RuleGroup): PrometheusRuleObject {
  const { namespace, labels } = model.output.prometheusRule;
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: {
      name: group.name,
      namespace,
      labels: sortKeys({
        'app.kubernetes.io/managed-by': 'headroom',
        'app.kubernetes.io/part-of': 'headroom',
        ...labels,
      }),
    },
    spec: { groups: [canonicalGroup(group)] },
  };
}

export function canonicalGroup(group: RuleGroup): RuleGroup {
  return { name: group.name, rules: group.rules.map(canonicalRule) };
}

/** Keys in the order Prometheus documents them; label and annotation maps sorted. */
function canonicalRule(rule: Rule): Rule {
  if (isAlertingRule(rule)) {
    return {
      alert: rule.alert,
      expr: rule.expr,
      ...(rule.for ? { for: rule.for } : {}),
      labels: sortKeys(rule.labels),
      annotations: sortKeys(rule.annotations),
    };
  }
  return { record: rule.record, expr: rule.expr, ...(rule.labels ? { labels: sortKeys(rule.labels) } : {}) };
}

/**
 * The object's largest rule, in words (the alert or the recorded series, and the team it is about where it names
 * one), and its bytes as JSON: what to shorten when a rule alone outgrows an object.
 */
export function largestRule(object: PrometheusRuleObject): { rule: Rule; text: string; bytes: number } {
  const rules = object.spec.groups.flatMap((group) => group.rules);
  const sized = rules.map((rule) => ({ rule, bytes: Buffer.byteLength(JSON.stringify(rule)) }));
  const { rule, bytes } = sized.reduce((largest, next) => (next.bytes > largest.bytes ? next : largest));
  const team = rule.labels?.team;
  const what = isAlertingRule(rule) ? `alert ${rule.alert}` : `recording rule ${rule.record}`;
  return { rule, text: team === undefined ? what : `${what} of team ${team}`, bytes };
}
