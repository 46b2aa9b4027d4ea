// ContainersWithoutMemoryLimit (info): a namespace runs containers with no memory limit, neither their own nor their
// pod's (Kubernetes 1.34 pod-level limit). Such a container is killed only when its node runs out of memory, and the
// node's OOM killer or eviction takes neighbours with it. One alert per namespace, however many containers: a risk
// report for a ticket queue, not a page. The containers are recorded once (their working set, so the description and
// the dashboards can name the largest), counted per namespace, and the alert rules read only the counts.
import { z } from 'zod';
import type { Model } from '../model/model.ts';
import { alertRulesPerSetting } from '../rules/alert-rules.ts';
import { binary, by, count, max, on, print, selector } from '../promql/index.ts';
import { forDuration } from '../values/duration-setting.ts';
import { teamDashboardUrl } from '../rules/annotations.ts';
import { containerKey, keyOf, namespaceKey } from '../rules/keys.ts';
import { containersWord, namespaceExamples } from '../rules/namespace-examples.ts';
import { INPUT, LIMIT_INPUTS, optional } from '../rules/input-series.ts';
import { anyOwnerHasOn } from '../rules/rule-settings.ts';
import { CONTAINER_RESTARTS, NAMESPACE_WITHOUT_LIMIT, WITHOUT_LIMIT } from '../rules/record-names.ts';
import type { AlertingRule, RecordingRule, Rule } from '../rules/rule-types.ts';
import { sourceSeries } from '../rules/source-series.ts';
import { defineAlert } from './alert-definition.ts';
import { durationSetting, enabled, severity } from './settings.ts';

const settings = z.strictObject({
  enabled,
  for: durationSetting(forDuration, 'How long the namespace must run containers without a limit'),
  severity,
});

export const containersWithoutMemoryLimit = defineAlert({
  key: 'containersWithoutMemoryLimit',
  name: 'ContainersWithoutMemoryLimit',
  summary: 'a namespace runs containers with no memory limit (one alert per namespace)',
  subject: 'namespaces',
  group: 'container-memory',
  settings,
  defaults: { enabled: true, for: '1h', severity: 'info' },
  ruleSettings: (a) => ({ for: a.for, severity: a.severity }),
  inputs: [
    INPUT.workingSet,
    ...LIMIT_INPUTS,
    INPUT.restartsWhereLimitsAreKubeStateMetrics,
    // Only to leave out pods with a pod-level limit: without it their containers are reported too.
    optional(INPUT.podLimit, 'the pods with a pod-level limit: their containers count as without one'),
  ],
  panels: [{ dashboard: 'overview', row: 'Containers without a memory limit' }],
  rules: (model): Rule[] => [
    ...(anyOwnerHasOn(model, containersWithoutMemoryLimit) ? withoutLimitRules(model) : []),
    ...withoutLimitAlerts(model),
  ],
});

/** Working set of every real container (no pod cgroup, no pause container) that has no memory limit. */
function withoutLimitRules(model: Model): RecordingRule[] {
  const source = sourceSeries(model);
  const key = containerKey(model);
  const pod = keyOf(model, 'namespace', 'pod');
  const noOwnLimit = binary(max(by(key), source.workingSet()), 'unless', source.memoryLimit(), on(key), 'lines');
  const noLimit = binary(noOwnLimit, 'unless', source.podMemoryLimit(), on(pod), 'lines');
  // With kube-state-metrics' limits, a container it does not report (an outage, a pod too new) would look limitless.
  const expr =
    model.limitSource === 'cadvisor' ? noLimit : binary(noLimit, 'and', selector(CONTAINER_RESTARTS), on(key), 'lines');
  return [
    { record: WITHOUT_LIMIT, expr: print(expr) },
    { record: NAMESPACE_WITHOUT_LIMIT, expr: print(count(by(namespaceKey(model)), selector(WITHOUT_LIMIT))) },
  ];
}

function withoutLimitAlerts(model: Model): AlertingRule[] {
  const containers = containersWord();
  return alertRulesPerSetting(model, containersWithoutMemoryLimit, (settings) => ({
    expr: selector(NAMESPACE_WITHOUT_LIMIT),
    for: settings.for,
    summary:
      'Containers run without a memory limit; they are stopped only when their node runs out of memory, with ' +
      'their neighbours.',
    description:
      `Namespace {{ $labels.namespace }} runs {{ printf "%.0f" $value }} ${containers} without a memory limit ` +
      `(largest working sets: ${namespaceExamples(model, (...m) => selector(WITHOUT_LIMIT, ...m))}). Set a ` +
      'memory limit (or a pod-level one) on each.',
    dashboardUrl: teamDashboardUrl(model, ['namespace']),
  }));
}
