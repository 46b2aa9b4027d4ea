// ContainerMemoryNearLimit: working set above the owning team's fraction of the memory limit for the team's `for`.
// The ratio is recorded once (dashboards reuse it), then the containers above the lowest threshold any team has; each
// alert rule (one per distinct for and severity, whatever the number of teams) compares those few with the threshold
// of their namespace's owner, read through the same owner series that gives the alert its team.
import type { Model } from '../model/model.ts';
import { containerQueryValue, namespaceQueryValue, runbookUrl, teamDashboardUrl } from './annotations.ts';
import { containerKey, namespaceKey } from './keys.ts';
import { ownerSettingValue } from './ownership.ts';
import { partitions, rulesPerSetting } from './partition.ts';
import { aggregate, binary, by, series } from './promql.ts';
import { ABOVE_THRESHOLD, MEMORY_RATIO, NAMESPACE_THRESHOLD } from './record-names.ts';
import { VALUE_SETTINGS } from './rule-settings.ts';
import type { AlertingRule, RecordingRule } from './rule-types.ts';
import { sourceSeries } from './source-series.ts';

export const NEAR_LIMIT_ALERT = 'ContainerMemoryNearLimit';

const THRESHOLD = 'containerMemoryNearLimit.threshold';

export function memoryRatioRule(model: Model): RecordingRule {
  const source = sourceSeries(model);
  const key = containerKey(model);
  return {
    record: MEMORY_RATIO,
    // max by: one series per container even where a scrape or kube-state-metrics replica duplicates it.
    expr: binary(aggregate('max', key, source.workingSet()), `/ on ${by(key)}`, source.memoryLimitBy(key)),
  };
}

/**
 * The threshold in force in each namespace {namespace}: its owner's (see rule-settings.ts); absent where the owner has
 * the alert off. For the dashboards and the alert's description; the alert rules compare with it themselves.
 */
export function thresholdRule(model: Model): RecordingRule[] {
  if (partitions(model, 'containerMemoryNearLimit').length === 0) return [];
  return [{ record: NAMESPACE_THRESHOLD, expr: ownerSettingValue(model, 'namespaces', THRESHOLD) }];
}

/**
 * Containers above the lowest threshold any owner has, with their ratio: one pass over every container, so each alert
 * rule (one per distinct for and severity) reads only these few series.
 */
export function aboveThresholdRule(model: Model): RecordingRule[] {
  const thresholds = model.owners
    .map((owner) => VALUE_SETTINGS[THRESHOLD](owner))
    .filter((value) => value !== undefined);
  if (thresholds.length === 0) return [];
  return [{ record: ABOVE_THRESHOLD, expr: `${series(MEMORY_RATIO)} > ${Math.min(...thresholds)}` }];
}

export function nearLimitAlerts(model: Model): AlertingRule[] {
  const namespace = namespaceKey(model);
  // Each container against its namespace's threshold, read through the same owner series as the team.
  const aboveItsThreshold = binary(
    series(ABOVE_THRESHOLD),
    `> on ${by(namespace)} group_left ()`,
    ownerSettingValue(model, 'namespaces', THRESHOLD),
  );
  return rulesPerSetting(model, 'containerMemoryNearLimit', (settings, own) => ({
    alert: NEAR_LIMIT_ALERT,
    expr: own(aboveItsThreshold),
    for: settings.for,
    // Rules of one alert differ by a label, or promtool's lint rejects them as duplicates.
    labels: { severity: settings.severity, for: settings.for },
    annotations: {
      summary: 'Container memory is close to its limit; the kernel kills the container (OOMKilled) when it reaches it.',
      description: nearLimitDescription(model),
      runbook_url: runbookUrl(model, NEAR_LIMIT_ALERT),
      dashboard_url: teamDashboardUrl(model, ['namespace', 'pod']),
    },
  }));
}

function nearLimitDescription(model: Model): string {
  const source = sourceSeries(model);
  const limit = containerQueryValue(model, (...m) => `max(${source.memoryLimit(...m)})`, 'humanize1024', {
    suffix: 'B',
  });
  const workingSet = containerQueryValue(model, (...m) => `max(${source.workingSet(...m)})`, 'humanize1024', {
    suffix: 'B',
  });
  const threshold = namespaceQueryValue(
    model,
    (...m) => `max(${series(NAMESPACE_THRESHOLD, ...m)})`,
    'humanizePercentage',
  );
  return (
    'Container {{ $labels.container }} of pod {{ $labels.namespace }}/{{ $labels.pod }} uses {{ $value | humanizePercentage }} ' +
    `of its memory limit (working set ${workingSet} of ${limit}), above the ${threshold} threshold of team {{ $labels.team }}.`
  );
}
