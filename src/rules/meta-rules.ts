// A broken rule fails silently in production: alert when any of headroom's own groups fails to evaluate.
import type { Model } from '../model/model.ts';
import { runbookUrl } from './annotations.ts';
import type { AlertingRule } from './rule-types.ts';
import { GROUP_PREFIX } from './rule-types.ts';
import { keyOf } from './keys.ts';

export const RULES_FAILING_ALERT = 'HeadroomRulesFailing';

export function metaAlerts(model: Model): AlertingRule[] {
  const catchAll = model.owners.find((owner) => owner.claimedBy === undefined)!;
  return [
    {
      alert: RULES_FAILING_ALERT,
      // rule_group is "<rule file>;<group name>"; max by drops the instance of HA Prometheus pairs without adding their counts.
      expr: `max by (${keyOf(model, 'rule_group').join(', ')}) (increase(prometheus_rule_evaluation_failures_total{rule_group=~".*;${GROUP_PREFIX}.*"}[10m])) > 0`,
      labels: { ...catchAll.labels, severity: 'critical', team: model.defaultTeam },
      annotations: {
        summary: "Headroom's rules fail to evaluate: memory alerts may be silent.",
        description: 'Rule group {{ $labels.rule_group }} failed {{ printf "%.0f" $value }} times in the last 10m. Check the Prometheus log for the error.',
        runbook_url: runbookUrl(model, RULES_FAILING_ALERT),
      },
    },
  ];
}
