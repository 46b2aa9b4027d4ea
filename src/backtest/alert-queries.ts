// What a backtest asks the store for each alerting rule: its expression with every recording rule inlined, so that
// it reads only exporter series (inline-recordings.ts), and what turns a returned series into the alert Prometheus
// would send (the rule's labels over the series', `for`). Rules come as a generated tree carries them (the work
// tree's or a git ref's), read back from their PromQL text.
import { print } from '../promql/index.ts';
import { ReadError, read } from '../promql/read.ts';
import { type AlertingRule, isAlertingRule, type RuleGroup } from '../rules/rule-types.ts';
import { durationMs } from '../values/duration.ts';
import type { Labels } from './episodes.ts';
import { InlineError, recordingInliner } from './inline-recordings.ts';

export interface AlertQuery {
  alert: string;
  /** The rule's own labels (severity, for, window…), as the generated rule has them. */
  ruleLabels: Labels;
  /** `for` in seconds; 0 without. */
  holdSeconds: number;
  /** The query; absent when the rule cannot be backtested, and then `problem` says why. */
  query?: string;
  problem?: string;
}

/**
 * One query per alerting rule of the groups, in the groups' order. `interval`: the rules' evaluation interval;
 * `phaseMs`: where the evaluations fall within it.
 */
export function alertQueries(groups: readonly RuleGroup[], interval: string, phaseMs = 0): AlertQuery[] {
  const inline = recordingInliner(groups, interval, { phaseMs });
  return groups.flatMap(({ rules }, group) =>
    rules.flatMap((rule, index): AlertQuery[] => {
      if (!isAlertingRule(rule)) return [];
      const base = { alert: rule.alert, ruleLabels: rule.labels ?? {}, holdSeconds: holdSeconds(rule) };
      try {
        return [{ ...base, query: print(inline(read(rule.expr), { group, index })) }];
      } catch (error) {
        if (!(error instanceof InlineError || error instanceof ReadError)) throw error;
        return [{ ...base, problem: error.message }];
      }
    }),
  );
}

function holdSeconds(rule: AlertingRule): number {
  return rule.for === undefined ? 0 : durationMs(rule.for) / 1000;
}

/**
 * The labels of the alert a returned series becomes: the series' without its metric name, the rule's set over them (an
 * empty value removes the label), and alertname, as Prometheus does. Templated rule labels are not expanded: headroom
 * writes none.
 */
export function alertLabels(alert: string, series: Labels, ruleLabels: Labels): Labels {
  const labels: Labels = {};
  for (const [name, value] of Object.entries(series)) if (name !== '__name__') labels[name] = value;
  for (const [name, value] of Object.entries(ruleLabels)) {
    if (value === '') delete labels[name];
    else labels[name] = value;
  }
  labels.alertname = alert;
  return labels;
}
