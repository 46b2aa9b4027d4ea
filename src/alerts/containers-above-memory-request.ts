// ContainersAboveMemoryRequest (info): containers whose working set stayed above their memory request for the whole
// of `for`. Under node memory pressure the kubelet evicts pods whose usage exceeds their requests first, and the
// scheduler placed them on the request, not on their use. One alert per namespace, however many containers.
// The ratio to the request is recorded once; per distinct `for`, one rule keeps the containers whose minimum over `for`
// is above 1 and that existed `for` ago (a container minutes old has not "stayed" anywhere yet), and one rule counts
// them per namespace. The alert rules read only those counts, so they need no `for` of their own.
import { z } from 'zod';
import type { Model } from '../model/model.ts';
import { alertRulesPerSetting } from '../rules/alert-rules.ts';
import { binary, by, call, count, eq, max, offset, on, print, range, selector } from '../promql/index.ts';
import { forDuration } from '../values/duration-setting.ts';
import { teamDashboardUrl } from '../rules/annotations.ts';
import { containerKey, namespaceKey } from '../rules/keys.ts';
import { containersWord, namespaceExamples } from '../rules/namespace-examples.ts';
import { INPUT } from '../rules/input-series.ts';
import { distinctValues } from '../rules/partition.ts';
import { anyOwnerHasOn } from '../rules/rule-settings.ts';
import { ABOVE_REQUEST, NAMESPACE_ABOVE_REQUEST, REQUEST_RATIO } from '../rules/record-names.ts';
import type { AlertingRule, RecordingRule, Rule } from '../rules/rule-types.ts';
import { sourceSeries } from '../rules/source-series.ts';
import { defineAlert } from './alert-definition.ts';
import { durationSetting, enabled, severity } from './settings.ts';

const settings = z.strictObject({
  enabled,
  for: durationSetting(forDuration, 'How long a working set must stay above its request'),
  severity,
});

export const containersAboveMemoryRequest = defineAlert({
  key: 'containersAboveMemoryRequest',
  name: 'ContainersAboveMemoryRequest',
  summary: 'containers whose working set stays above their memory request (one alert per namespace)',
  subject: 'namespaces',
  group: 'container-memory',
  settings,
  defaults: { enabled: true, for: '1h', severity: 'info' },
  ruleSettings: (a) => ({ for: a.for, severity: a.severity }),
  inputs: [INPUT.workingSet, INPUT.requests],
  panels: [
    { dashboard: 'team', row: 'Containers above their memory request' },
    { dashboard: 'overview', row: 'Containers above their memory request' },
  ],
  rules: (model): Rule[] => [
    ...(anyOwnerHasOn(model, containersAboveMemoryRequest) ? [requestRatioRule(model)] : []),
    ...aboveRequestRules(model),
    ...aboveRequestAlerts(model),
  ],
});

/** Distinct `for` of the owners that have the alert on, sorted. */
function durations(model: Model): string[] {
  return distinctValues(model, ({ alerts: { containersAboveMemoryRequest: a } }) => (a.enabled ? a.for : undefined));
}

function requestRatioRule(model: Model): RecordingRule {
  const source = sourceSeries(model);
  const key = containerKey(model);
  // max by: kube-state-metrics replicas report each request twice.
  return {
    record: REQUEST_RATIO,
    expr: print(
      binary(
        max(by(key), source.workingSet()),
        '/',
        max(by(key), binary(source.memoryRequest(), '>', 0)),
        on(key),
        'lines',
      ),
    ),
  };
}

/** Per distinct `for`: the containers that stayed above their request all that time, and existed `for` ago. */
function aboveRequestRules(model: Model): RecordingRule[] {
  const ratio = selector(REQUEST_RATIO);
  const durationRules = durations(model).map((duration) => ({
    record: ABOVE_REQUEST,
    expr: print(
      binary(
        binary(call('min_over_time', [range(ratio, duration)]), '>', 1),
        'and',
        offset(ratio, duration),
        on(containerKey(model)),
        'lines',
      ),
    ),
    labels: { for: duration },
  }));
  if (durationRules.length === 0) return [];
  return [
    ...durationRules,
    {
      record: NAMESPACE_ABOVE_REQUEST,
      expr: print(count(by([...namespaceKey(model), 'for']), selector(ABOVE_REQUEST))),
    },
  ];
}

function aboveRequestAlerts(model: Model): AlertingRule[] {
  return alertRulesPerSetting(model, containersAboveMemoryRequest, (settings) => ({
    expr: selector(NAMESPACE_ABOVE_REQUEST, eq('for', settings.for)),
    summary: 'Containers use more memory than they request; under node memory pressure the kubelet evicts them first.',
    description:
      `Namespace {{ $labels.namespace }} has {{ printf "%.0f" $value }} ${containersWord()} whose working set ` +
      `stayed above their memory request for ${settings.for} (furthest above: ` +
      `${namespaceExamples(model, (...m) => selector(ABOVE_REQUEST, eq('for', settings.for), ...m))}). Raise ` +
      'their requests to what they use.',
    dashboardUrl: teamDashboardUrl(model, ['namespace']),
  }));
}
