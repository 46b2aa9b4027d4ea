// Prometheus rule groups, as a rule file and a PrometheusRule spec carry them.

export interface RecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}

export interface AlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export type Rule = RecordingRule | AlertingRule;

/** Every group name starts with it; the meta-alert watches groups by it. */
export const GROUP_PREFIX = 'headroom-';

export interface RuleGroup {
  name: string;
  rules: Rule[];
}

export function isAlertingRule(rule: Rule): rule is AlertingRule {
  return 'alert' in rule;
}
