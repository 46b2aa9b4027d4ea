// A broken rule fails silently in production: alert when any of headroom's own groups fails to evaluate, on each
// ruler headroom supports, from the metrics it reports about itself (scraped into the store the rules read):
// Prometheus and the Thanos ruler count failures per group (`rule_group` is "<rule file>;<group name>"); vmalert before
// 1.8x reports per rule whether its last evaluation failed (`vmalert_*_rules_error`), later ones count the failures
// (`vmalert_*_rules_errors_total`); both per `group`, copied into `rule_group`.
import { LABEL, SOURCE_LABEL } from '../values/reserved-labels.ts';
import type { Model } from '../model/model.ts';
import {
  balanced,
  binary,
  by,
  call,
  type Expr,
  labelReplace,
  max,
  print,
  range,
  re,
  selector,
} from '../promql/index.ts';
import { runbookUrl } from '../rules/annotations.ts';
import { riseWithin } from '../rules/counter-rise.ts';
import { keyOf } from '../rules/keys.ts';
import type { InputSeries } from '../rules/input-series.ts';
import type { AlertingRule } from '../rules/rule-types.ts';
import { GROUP_PREFIX } from '../rules/rule-types.ts';
import type { AlertFacts } from './alert-definition.ts';

const rulerMetric = (metric: string, label: string): InputSeries => ({
  metric,
  exporter: 'ruler',
  key: [],
  labels: [label],
});

/** Not configurable: it watches headroom itself, for the default team. */
export const headroomRulesFailing: AlertFacts = {
  name: 'HeadroomRulesFailing',
  summary: "one of headroom's own rule groups fails to evaluate (every ruler: Prometheus, Thanos ruler, vmalert)",
  group: 'meta',
  inputs: [
    rulerMetric('prometheus_rule_evaluation_failures_total', LABEL.ruleGroup),
    ...[
      'vmalert_alerting_rules_error',
      'vmalert_recording_rules_error',
      'vmalert_alerting_rules_errors_total',
      'vmalert_recording_rules_errors_total',
    ].map((metric) => rulerMetric(metric, SOURCE_LABEL.group)),
  ],
  panels: [{ dashboard: 'team', row: 'Firing alerts' }],
  rules: (model) => metaAlerts(model),
};

const WINDOW = '10m';

function failures(model: Model): Expr {
  const byGroup = by(keyOf(model, LABEL.ruleGroup));
  const prometheus = selector('prometheus_rule_evaluation_failures_total', re(LABEL.ruleGroup, `.*;${GROUP_PREFIX}.*`));
  const vmalert = (metric: string) => selector(metric, re(SOURCE_LABEL.group, `${GROUP_PREFIX}.*`));
  const failedWithinWindow = (metric: string) =>
    binary(call('max_over_time', [range(vmalert(metric), WINDOW)]), '>', 0);
  const perRule = balanced(
    [
      failedWithinWindow('vmalert_alerting_rules_error'),
      failedWithinWindow('vmalert_recording_rules_error'),
      riseWithin(vmalert('vmalert_alerting_rules_errors_total'), WINDOW, { resets: true }),
      riseWithin(vmalert('vmalert_recording_rules_errors_total'), WINDOW, { resets: true }),
    ],
    'or',
    'lines',
  );
  // max by: the instances of an HA pair report the same failures, without adding them up.
  return balanced(
    [
      max(byGroup, riseWithin(prometheus, WINDOW, { resets: true })),
      max(byGroup, labelReplace(perRule, LABEL.ruleGroup, '$1', SOURCE_LABEL.group, '(.*)')),
    ],
    'or',
    'lines',
  );
}

function metaAlerts(model: Model): AlertingRule[] {
  const catchAll = model.owners.find((owner) => owner.claimedBy === undefined)!;
  return [
    {
      alert: headroomRulesFailing.name,
      expr: print(failures(model)),
      labels: { ...catchAll.labels, severity: 'critical', team: model.defaultTeam },
      annotations: {
        summary: "Headroom's rules fail to evaluate: memory alerts may be silent.",
        description:
          `Rule group {{ $labels.rule_group }} failed to evaluate in the last ${WINDOW} ` +
          `({{ printf "%.0f" $value }} failed evaluations counted). Check the ruler's log (Prometheus, Thanos ` +
          'ruler or vmalert) for the error.',
        runbook_url: runbookUrl(model, headroomRulesFailing.name),
      },
    },
  ];
}
