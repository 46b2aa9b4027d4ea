// ContainerMemoryNearLimit: working set above the owning team's fraction of the memory limit for the team's `for`.
// The ratio is recorded once (dashboards reuse it); thresholds are series per namespace, so one rule compares every
// container with its namespace's threshold, and there is one alert rule per distinct (for, severity), whatever the
// number of teams, each reading only the containers already above their threshold.
import type { Model } from '../model/model.ts';
import { containerQueryValue, namespaceQueryValue, runbookUrl, teamDashboardUrl } from './annotations.ts';
import { containerKey, namespaceKey } from './keys.ts';
import { withOwnerLabels } from './ownership.ts';
import { rulesPerSetting } from './partition.ts';
import { aggregate, binary, by, series } from './promql.ts';
import { ABOVE_THRESHOLD, MEMORY_RATIO, NAMESPACE_OWNER, NAMESPACE_THRESHOLD } from './record-names.ts';
import type { AlertingRule, RecordingRule } from './rule-types.ts';
import { sourceSeries } from './source-series.ts';

export const NEAR_LIMIT_ALERT = 'ContainerMemoryNearLimit';

export function memoryRatioRule(model: Model): RecordingRule {
  const source = sourceSeries(model);
  const key = containerKey(model);
  return {
    record: MEMORY_RATIO,
    // max by: one series per container even where a scrape or kube-state-metrics replica duplicates it.
    expr: binary(aggregate('max', key, source.workingSet()), `/ on ${by(key)}`, source.memoryLimitBy(key)),
  };
}

/** One series per namespace holding the threshold of its owner; one rule per distinct threshold. */
export function thresholdRules(model: Model): RecordingRule[] {
  return rulesPerSetting(
    model,
    'namespaces',
    ({ alerts: { containerMemoryNearLimit: a } }) => (a.enabled ? { threshold: a.threshold } : undefined),
    ({ threshold }, owned) => ({
      record: NAMESPACE_THRESHOLD,
      expr: `${threshold} * ${aggregate('group', namespaceKey(model), series(NAMESPACE_OWNER, owned))}`,
      // One rule per distinct threshold: the label keeps them apart for promtool's duplicate-rule lint.
      labels: { threshold: String(threshold) },
    }),
  );
}

/** Containers above their namespace's threshold, with their ratio: one pass over every container. */
export function aboveThresholdRule(model: Model): RecordingRule {
  const namespace = namespaceKey(model);
  return {
    record: ABOVE_THRESHOLD,
    // max by: after a threshold change the old threshold series lives beside the new one for one evaluation.
    expr: binary(series(MEMORY_RATIO), `> on ${by(namespace)} group_left ()`, aggregate('max', namespace, series(NAMESPACE_THRESHOLD))),
  };
}

export function nearLimitAlerts(model: Model): AlertingRule[] {
  return rulesPerSetting(
    model,
    'namespaces',
    ({ alerts: { containerMemoryNearLimit: a } }) => (a.enabled ? { for: a.for, severity: a.severity } : undefined),
    (settings, owned) => ({
      alert: NEAR_LIMIT_ALERT,
      expr: withOwnerLabels(model, 'namespaces', series(ABOVE_THRESHOLD), owned),
      for: settings.for,
      // Rules of one alert differ by a label, or promtool's lint rejects them as duplicates.
      labels: { severity: settings.severity, for: settings.for },
      annotations: {
        summary: 'Container memory is close to its limit; the kernel kills the container (OOMKilled) when it reaches it.',
        description: nearLimitDescription(model),
        runbook_url: runbookUrl(model, NEAR_LIMIT_ALERT),
        dashboard_url: teamDashboardUrl(model, ['namespace', 'pod']),
      },
    }),
  );
}

function nearLimitDescription(model: Model): string {
  const source = sourceSeries(model);
  const limit = containerQueryValue(model, (...m) => `max(${source.memoryLimit(...m)})`, 'humanize1024', { suffix: 'B' });
  const workingSet = containerQueryValue(model, (...m) => `max(${source.workingSet(...m)})`, 'humanize1024', { suffix: 'B' });
  const threshold = namespaceQueryValue(model, (...m) => `max(${series(NAMESPACE_THRESHOLD, ...m)})`, 'humanizePercentage');
  return (
    'Container {{ $labels.container }} of pod {{ $labels.namespace }}/{{ $labels.pod }} uses {{ $value | humanizePercentage }} ' +
    `of its memory limit (working set ${workingSet} of ${limit}), above the ${threshold} threshold of team {{ $labels.team }}.`
  );
}
