// ContainerMemoryNearLimit: working set above the owning team's fraction of the memory limit for the team's `for`.
// The ratio is recorded once (dashboards reuse it); thresholds are joined per namespace from series, so there is
// one alert rule per distinct (for, severity), whatever the number of teams.
import type { Model } from '../model/model.ts';
import { CONTAINER_MATCHERS, containerQueryValue, runbookUrl, teamDashboardUrl } from './annotations.ts';
import { withOwnerLabels } from './ownership.ts';
import { rulesPerSetting } from './partition.ts';
import { aggregate, binary, by, series } from './promql.ts';
import { MEMORY_RATIO, NAMESPACE_OWNER, NAMESPACE_THRESHOLD } from './record-names.ts';
import type { AlertingRule, RecordingRule } from './rule-types.ts';
import { CONTAINER_KEY, sourceSeries } from './source-series.ts';

export const NEAR_LIMIT_ALERT = 'ContainerMemoryNearLimit';

export function memoryRatioRule(model: Model): RecordingRule {
  const source = sourceSeries(model);
  return {
    record: MEMORY_RATIO,
    // max by: one series per container even where a scrape or kube-state-metrics replica duplicates it.
    expr: binary(aggregate('max', CONTAINER_KEY, source.workingSet()), `/ on ${by(CONTAINER_KEY)}`, aggregate('max', CONTAINER_KEY, source.memoryLimit())),
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
      expr: `${threshold} * ${aggregate('group', ['namespace'], series(NAMESPACE_OWNER, owned))}`,
      // One rule per distinct threshold: the label keeps them apart for promtool's duplicate-rule lint.
      labels: { threshold: String(threshold) },
    }),
  );
}

export function nearLimitAlerts(model: Model): AlertingRule[] {
  return rulesPerSetting(
    model,
    'namespaces',
    ({ alerts: { containerMemoryNearLimit: a } }) => (a.enabled ? { for: a.for, severity: a.severity } : undefined),
    (settings, owned) => ({
      alert: NEAR_LIMIT_ALERT,
      // max by: after a threshold change the old threshold series lives beside the new one for one evaluation.
      expr: withOwnerLabels(model, 'namespaces', binary(series(MEMORY_RATIO, owned), '> on (namespace) group_left ()', aggregate('max', ['namespace'], series(NAMESPACE_THRESHOLD, owned))), owned),
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
  const limit = containerQueryValue(`max(${source.memoryLimit(...CONTAINER_MATCHERS)})`, 'humanize1024', { suffix: 'B' });
  const workingSet = containerQueryValue(`max(${source.workingSet(...CONTAINER_MATCHERS)})`, 'humanize1024', { suffix: 'B' });
  const threshold = `{{ with query (printf \`${NAMESPACE_THRESHOLD}{namespace="%s"}\` $labels.namespace) }}{{ . | first | value | humanizePercentage }}{{ end }}`;
  return (
    'Container {{ $labels.container }} of pod {{ $labels.namespace }}/{{ $labels.pod }} uses {{ $value | humanizePercentage }} ' +
    `of its memory limit (working set ${workingSet} of ${limit}), above the ${threshold} threshold of team {{ $labels.team }}.`
  );
}
