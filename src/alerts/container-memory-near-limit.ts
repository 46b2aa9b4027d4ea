// ContainerMemoryNearLimit: working set above the owning team's fraction of the memory limit for the team's `for`.
// The ratio is recorded once (dashboards reuse it), then the containers above the lowest threshold any team has; each
// alert rule (one per distinct for and severity, whatever the number of teams) compares those few with the threshold
// of their namespace's owner, read through the same owner series that gives the alert its team.
import { z } from 'zod';
import type { Model } from '../model/model.ts';
import { alertRulesPerSetting } from '../rules/alert-rules.ts';
import { binary, groupLeft, max, on, print, selector } from '../promql/index.ts';
import { forDuration } from '../values/duration-setting.ts';
import { containerQueryValue, namespaceQueryValue, teamDashboardUrl } from '../rules/annotations.ts';
import { INPUT, LIMIT_INPUTS } from '../rules/input-series.ts';
import { namespaceKey } from '../rules/keys.ts';
import { ownerSettingValue } from '../rules/ownership.ts';
import { partitions } from '../rules/partition.ts';
import { ABOVE_THRESHOLD, MEMORY_RATIO, NAMESPACE_THRESHOLD } from '../rules/record-names.ts';
import type { AlertingRule, RecordingRule } from '../rules/rule-types.ts';
import { sourceSeries } from '../rules/source-series.ts';
import { defineAlert, valueSettingId } from './alert-definition.ts';
import { durationSetting, enabled, severity, threshold } from './settings.ts';
import { thresholdWarnings } from './threshold-warnings.ts';

const settings = z.strictObject({
  enabled,
  threshold: threshold.meta({ description: 'Alert above this fraction of the memory limit, in (0, 1]' }),
  for: durationSetting(forDuration, 'How long the working set must stay above the threshold'),
  severity,
});

export const containerMemoryNearLimit = defineAlert({
  key: 'containerMemoryNearLimit',
  name: 'ContainerMemoryNearLimit',
  summary: 'working set above `threshold` of the memory limit for `for`',
  subject: 'namespaces',
  group: 'container-memory',
  settings,
  defaults: { enabled: true, threshold: 0.85, for: '5m', severity: 'warning' },
  ruleSettings: (a) => ({ for: a.for, severity: a.severity }),
  valueSettings: { threshold: (a) => (a.enabled ? a.threshold : undefined) },
  inputs: [INPUT.workingSet, ...LIMIT_INPUTS],
  panels: [
    { dashboard: 'team', row: 'Memory per container' },
    { dashboard: 'overview', row: 'Containers closest to their memory limit' },
  ],
  rules: (model) => [...thresholdRule(model), ...aboveThresholdRule(model), ...nearLimitAlerts(model)],
  warnings: (a) => thresholdWarnings(a.threshold),
});

const THRESHOLD = valueSettingId(containerMemoryNearLimit, 'threshold');

/**
 * The threshold in force in each namespace {namespace}: its owner's (see rule-settings.ts); absent where the owner has
 * the alert off. For the dashboards and the alert's description; the alert rules compare with it themselves.
 */
function thresholdRule(model: Model): RecordingRule[] {
  if (partitions(model, containerMemoryNearLimit).length === 0) return [];
  return [{ record: NAMESPACE_THRESHOLD, expr: print(ownerSettingValue(model, 'namespaces', THRESHOLD)) }];
}

/**
 * Containers above the lowest threshold any owner has, with their ratio: one pass over every container, so each alert
 * rule (one per distinct for and severity) reads only these few series.
 */
function aboveThresholdRule(model: Model): RecordingRule[] {
  const thresholds = model.owners
    .map(({ alerts: { containerMemoryNearLimit: a } }) => (a.enabled ? a.threshold : undefined))
    .filter((value) => value !== undefined);
  if (thresholds.length === 0) return [];
  return [{ record: ABOVE_THRESHOLD, expr: print(binary(selector(MEMORY_RATIO), '>', Math.min(...thresholds))) }];
}

function nearLimitAlerts(model: Model): AlertingRule[] {
  const namespace = namespaceKey(model);
  // Each container against its namespace's threshold, read through the same owner series as the team.
  const aboveItsThreshold = binary(
    selector(ABOVE_THRESHOLD),
    '>',
    ownerSettingValue(model, 'namespaces', THRESHOLD),
    on(namespace),
    groupLeft(),
    'lines',
  );
  return alertRulesPerSetting(model, containerMemoryNearLimit, (settings) => ({
    expr: aboveItsThreshold,
    for: settings.for,
    summary: 'Container memory is close to its limit; the kernel kills the container (OOMKilled) when it reaches it.',
    description: nearLimitDescription(model),
    dashboardUrl: teamDashboardUrl(model, ['namespace', 'pod']),
  }));
}

function nearLimitDescription(model: Model): string {
  const source = sourceSeries(model);
  const limit = containerQueryValue(model, (...m) => max(source.memoryLimit(...m)), 'humanize1024', { suffix: 'B' });
  const workingSet = containerQueryValue(model, (...m) => max(source.workingSet(...m)), 'humanize1024', {
    suffix: 'B',
  });
  const threshold = namespaceQueryValue(
    model,
    (...m) => max(selector(NAMESPACE_THRESHOLD, ...m)),
    'humanizePercentage',
  );
  return (
    'Container {{ $labels.container }} of pod {{ $labels.namespace }}/{{ $labels.pod }} uses ' +
    `{{ $value | humanizePercentage }} of its memory limit (working set ${workingSet} of ${limit}), above the ` +
    `${threshold} threshold of team {{ $labels.team }}.`
  );
}
