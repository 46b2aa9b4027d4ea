// The alert rules of a tunable alert: one per partition of its owners by its rule settings (partition.ts), each the
// alert's expression restricted to what the partition's owners own, with their team labels (ownership.ts). What every
// such rule has is set here: its name, its labels (the rule settings), the runbook link; the alert states the rest.
import type { Model } from '../model/model.ts';
import { type Expr, print } from '../promql/index.ts';
import { runbookUrl } from './annotations.ts';
import { rulesPerSetting } from './partition.ts';
import type { PartitionedAlert, SettingValue } from './rule-settings.ts';
import type { AlertingRule } from './rule-types.ts';

/** What an alert rule states of its own, for one partition's settings. */
interface AlertRuleParts {
  /** What fires, before it is restricted to the partition's owners. */
  expr: Expr;
  /** How long it must hold before it fires; none: at once. */
  for?: string;
  summary: string;
  description: string;
  dashboardUrl: string;
  /** Annotations beyond summary, description, runbook_url and dashboard_url. */
  annotations?: Record<string, string>;
}

/** One alert rule per partition of `alert`'s owners by its rule settings; `parts` says what the rule holds. */
export function alertRulesPerSetting<S extends Record<string, SettingValue>>(
  model: Model,
  alert: PartitionedAlert<S> & { name: string },
  parts: (settings: S) => AlertRuleParts,
): AlertingRule[] {
  return rulesPerSetting(model, alert, (settings, own) => {
    const { expr, for: duration, summary, description, dashboardUrl, annotations } = parts(settings);
    return {
      alert: alert.name,
      expr: print(own(expr)),
      ...(duration === undefined ? {} : { for: duration }),
      // Every rule setting as a label, severity among them: two rules of one alert differ in one at least, or
      // promtool's lint rejects them as duplicates.
      labels: Object.fromEntries(Object.entries(settings).map(([name, value]) => [name, String(value)])),
      annotations: {
        summary,
        description,
        ...annotations,
        runbook_url: runbookUrl(model, alert.name),
        dashboard_url: dashboardUrl,
      },
    };
  });
}
