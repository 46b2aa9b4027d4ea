// ContainersAboveMemoryRequest (info): containers whose working set stayed above their memory request for the whole
// of `for`. Under node memory pressure the kubelet evicts pods whose usage exceeds their requests first, and the
// scheduler placed them on the request, not on their use. One alert per namespace, however many containers.
// The ratio to the request is recorded once; per distinct `for`, one rule keeps the containers whose minimum over `for`
// is above 1 and that existed `for` ago (a container minutes old has not "stayed" anywhere yet), and one rule counts
// them per namespace. The alert rules read only those counts, so they need no `for` of their own.
import type { Model } from '../model/model.ts';
import { runbookUrl, teamDashboardUrl } from './annotations.ts';
import { containerKey, namespaceKey } from './keys.ts';
import { containersWord, namespaceExamples } from './namespace-examples.ts';
import { distinctValues, rulesPerSetting } from './partition.ts';
import { aggregate, binary, by, matcher, series } from './promql.ts';
import { ABOVE_REQUEST, NAMESPACE_ABOVE_REQUEST, REQUEST_RATIO } from './record-names.ts';
import type { AlertingRule, RecordingRule } from './rule-types.ts';
import { sourceSeries } from './source-series.ts';

export const ABOVE_REQUEST_ALERT = 'ContainersAboveMemoryRequest';

/** Distinct `for` of the owners that have the alert on, sorted. */
function durations(model: Model): string[] {
  return distinctValues(model, ({ alerts: { containersAboveMemoryRequest: a } }) => (a.enabled ? a.for : undefined));
}

export function requestRatioRule(model: Model): RecordingRule {
  const source = sourceSeries(model);
  const key = containerKey(model);
  // max by: kube-state-metrics replicas report each request twice.
  return {
    record: REQUEST_RATIO,
    expr: binary(
      aggregate('max', key, source.workingSet()),
      `/ on ${by(key)}`,
      aggregate('max', key, `${source.memoryRequest()} > 0`),
    ),
  };
}

/** Per distinct `for`: the containers that stayed above their request all that time, and existed `for` ago. */
export function aboveRequestRules(model: Model): RecordingRule[] {
  const durationRules = durations(model).map((duration) => ({
    record: ABOVE_REQUEST,
    expr: binary(
      `min_over_time(${series(REQUEST_RATIO)}[${duration}]) > 1`,
      `and on ${by(containerKey(model))}`,
      `${series(REQUEST_RATIO)} offset ${duration}`,
    ),
    labels: { for: duration },
  }));
  if (durationRules.length === 0) return [];
  return [
    ...durationRules,
    {
      record: NAMESPACE_ABOVE_REQUEST,
      expr: aggregate('count', [...namespaceKey(model), 'for'], series(ABOVE_REQUEST)),
    },
  ];
}

export function aboveRequestAlerts(model: Model): AlertingRule[] {
  return rulesPerSetting(model, 'containersAboveMemoryRequest', (settings, own) => ({
    alert: ABOVE_REQUEST_ALERT,
    expr: own(series(NAMESPACE_ABOVE_REQUEST, matcher('for', '=', settings.for))),
    // Rules of one alert differ by a label, or promtool's lint rejects them as duplicates.
    labels: { severity: settings.severity, for: settings.for },
    annotations: {
      summary:
        'Containers use more memory than they request; under node memory pressure the kubelet evicts them first.',
      description:
        `Namespace {{ $labels.namespace }} has {{ printf "%.0f" $value }} ${containersWord()} whose working set stayed above their memory request for ${settings.for} ` +
        `(furthest above: ${namespaceExamples(model, (...m) => series(ABOVE_REQUEST, matcher('for', '=', settings.for), ...m))}). Raise their requests to what they use.`,
      runbook_url: runbookUrl(model, ABOVE_REQUEST_ALERT),
      dashboard_url: teamDashboardUrl(model, ['namespace']),
    },
  }));
}
