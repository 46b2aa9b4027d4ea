// PodMemoryNearLimit: a pod whose only memory limit is its own (Kubernetes 1.34 `spec.resources`, no container declares
// one) has a working set above the owner's threshold of that limit for `for`. Such a pod has no container limit series,
// so ContainerMemoryNearLimit never sees it. The limit is the pod cgroup's memory.max as cadvisor reports it
// (container="", pod!=""; kube-state-metrics has no pod-level limit on purpose). A pod where any container declares a
// limit is left to the container alert: the kubelet then writes the sum of the container limits to the pod cgroup
// too, and a second alert would report the same memory twice.
import { z } from 'zod';
import type { Model } from '../model/model.ts';
import { alertRulesPerSetting } from '../rules/alert-rules.ts';
import { binary, by, max, on, print, selector } from '../promql/index.ts';
import { forDuration } from '../values/duration-setting.ts';
import { percent } from '../values/percent.ts';
import { keyQueryValue, teamDashboardUrl } from '../rules/annotations.ts';
import { keyOf } from '../rules/keys.ts';
import { INPUT, LIMIT_INPUTS } from '../rules/input-series.ts';
import { anyOwnerHasOn } from '../rules/rule-settings.ts';
import { CONTAINER_RESTARTS, POD_MEMORY_RATIO } from '../rules/record-names.ts';
import type { AlertingRule, RecordingRule, Rule } from '../rules/rule-types.ts';
import { sourceSeries } from '../rules/source-series.ts';
import { defineAlert } from './alert-definition.ts';
import { durationSetting, enabled, severity, threshold } from './settings.ts';
import { thresholdWarnings } from './threshold-warnings.ts';

const settings = z.strictObject({
  enabled,
  threshold: threshold.meta({ description: 'Alert above this fraction of the pod-level memory limit, in (0, 1]' }),
  for: durationSetting(forDuration, 'How long the working set must stay above the threshold'),
  severity,
});

export const podMemoryNearLimit = defineAlert({
  key: 'podMemoryNearLimit',
  name: 'PodMemoryNearLimit',
  summary: 'a pod with a pod-level memory limit (Kubernetes 1.34+) and no container limits is above `threshold` of it',
  subject: 'namespaces',
  group: 'container-memory',
  settings,
  defaults: { enabled: true, threshold: 0.85, for: '5m', severity: 'warning' },
  // The threshold sits in the expression: the pods with a pod-level limit only are few.
  ruleSettings: (a) => ({ threshold: a.threshold, for: a.for, severity: a.severity }),
  // The pod cgroup's working set and limit; the containers' limits only to leave out pods that declare some.
  inputs: [INPUT.podWorkingSet, INPUT.podLimit, ...LIMIT_INPUTS, INPUT.restartsWhereLimitsAreKubeStateMetrics],
  panels: [{ dashboard: 'team', row: 'Memory per pod with a pod-level limit' }],
  rules: (model): Rule[] => [
    ...(anyOwnerHasOn(model, podMemoryNearLimit) ? [podMemoryRatioRule(model)] : []),
    ...podNearLimitAlerts(model),
  ],
  warnings: (a) => thresholdWarnings(a.threshold),
});

function podKey(model: Model): string[] {
  return keyOf(model, 'namespace', 'pod');
}

/** Working set / pod-level limit of the pods whose containers declare no limit. */
function podMemoryRatioRule(model: Model): RecordingRule {
  const source = sourceSeries(model);
  const key = podKey(model);
  const ratio = binary(
    max(by(key), source.podWorkingSet()),
    '/',
    max(by(key), source.podMemoryLimit()),
    on(key),
    'lines',
  );
  const podLimitOnly = binary(ratio, 'unless', source.memoryLimit(), on(key), 'lines');
  // With kube-state-metrics' limits, a pod it does not report (an outage, a pod too new) would look limitless: the
  // container alert's pods would come here. Judge only pods kube-state-metrics knows.
  const expr =
    model.limitSource === 'cadvisor'
      ? podLimitOnly
      : binary(podLimitOnly, 'and', selector(CONTAINER_RESTARTS), on(key), 'lines');
  return { record: POD_MEMORY_RATIO, expr: print(expr) };
}

function podNearLimitAlerts(model: Model): AlertingRule[] {
  return alertRulesPerSetting(model, podMemoryNearLimit, (settings) => ({
    // The pods with a pod-level limit only are few: each rule compares them with its threshold directly.
    expr: binary(selector(POD_MEMORY_RATIO), '>', settings.threshold),
    for: settings.for,
    summary:
      'Pod memory is close to its pod-level limit; the kernel OOM-kills a container of the pod when it reaches it.',
    description: podDescription(model, settings.threshold),
    dashboardUrl: teamDashboardUrl(model, ['namespace', 'pod']),
  }));
}

function podDescription(model: Model, threshold: number): string {
  const source = sourceSeries(model);
  const key = podKey(model);
  const limit = keyQueryValue(key, (...m) => max(source.podMemoryLimit(...m)), 'humanize1024', { suffix: 'B' });
  const workingSet = keyQueryValue(key, (...m) => max(source.podWorkingSet(...m)), 'humanize1024', { suffix: 'B' });
  return (
    'Pod {{ $labels.namespace }}/{{ $labels.pod }} uses {{ $value | humanizePercentage }} of its pod-level ' +
    `memory limit (working set ${workingSet} of ${limit}), above the ${percent(threshold)} threshold of team ` +
    '{{ $labels.team }}. Its containers declare no limit of their own.'
  );
}
