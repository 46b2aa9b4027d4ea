// PodsEvicted: pods of a namespace were evicted by the kubelet within `window`. One alert per namespace (not per
// pod), with the number of pods, for the namespace's owner. Links: the team dashboard on the namespace
// (dashboard_url), and the overview on the nodes the pods were evicted from (nodes_dashboard_url).
//
// kube_pod_status_reason{reason="Evicted"} stays 1 as long as the evicted pod object exists (days, until something
// deletes it), and since kube-state-metrics 2.20 it exists only for pods with the reason (before, a 0/1 series per
// reason). So "Evicted now" alone pages for every old evicted pod, and "absent `window` ago" pages for all of them
// after any gap in kube-state-metrics' data. A pod counts when it is Evicted now and kube-state-metrics saw it in
// another phase than Failed within the window (kube_pod_status_phase{phase="Failed"} was 0: the kubelet sets phase
// Failed and reason Evicted in one status update). That needs a sample of the pod from before its eviction, which an
// old evicted pod never has, whatever the gaps; it also counts a pod evicted minutes after its start. Replicas: a
// pod counts when any replica saw it not Failed (min by), so a replica started after the eviction does not hide it.
// Not covered: a pod evicted before kube-state-metrics' first scrape of it.
//
// The pods are recorded once per distinct window (few series: only pods evicted within it), then counted per
// namespace; the alert rules read only those counts.
import { z } from 'zod';
import type { Model } from '../model/model.ts';
import { alertRulesPerSetting } from '../rules/alert-rules.ts';
import { binary, by, call, count, eq, max, min, on, print, range, selector } from '../promql/index.ts';
import { rangeDuration } from '../values/duration-setting.ts';
import { teamDashboardUrl } from '../rules/annotations.ts';
import { evictedFromDashboardUrl, evictedFromText } from '../rules/eviction-annotations.ts';
import { INPUT } from '../rules/input-series.ts';
import { keyOf, namespaceKey } from '../rules/keys.ts';
import { distinctValues } from '../rules/partition.ts';
import { NAMESPACE_PODS_EVICTED, POD_EVICTED } from '../rules/record-names.ts';
import type { AlertingRule, RecordingRule } from '../rules/rule-types.ts';
import { sourceSeries } from '../rules/source-series.ts';
import { defineAlert } from './alert-definition.ts';
import { rangeWarnings } from './range-warnings.ts';
import { durationSetting, enabled, severity } from './settings.ts';

const settings = z.strictObject({
  enabled,
  window: durationSetting(rangeDuration, 'How long the alert keeps firing after the last eviction'),
  severity,
});

export const podsEvicted = defineAlert({
  key: 'podsEvicted',
  name: 'PodsEvicted',
  summary: 'pods of a namespace were evicted by the kubelet, one alert per namespace',
  subject: 'namespaces',
  group: 'container-memory',
  settings,
  defaults: { enabled: true, window: '10m', severity: 'warning' },
  ruleSettings: (a) => ({ window: a.window, severity: a.severity }),
  inputs: [INPUT.podReason, INPUT.podPhase, INPUT.podInfo],
  ranges: ['window'],
  panels: [{ dashboard: 'overview', row: 'Memory evictions' }],
  rules: (model) => [...podsEvictedRules(model), ...podsEvictedAlerts(model)],
  warnings: (a) => rangeWarnings('window', a.window),
});

/** Distinct windows of the owners that have the alert on, sorted. */
function evictionWindows(model: Model): string[] {
  return distinctValues(model, ({ alerts: { podsEvicted: a } }) => (a.enabled ? a.window : undefined));
}

/** Per distinct window: 1 per pod evicted within it, then the count per namespace. */
function podsEvictedRules(model: Model): RecordingRule[] {
  const pod = keyOf(model, 'namespace', 'pod');
  const source = sourceSeries(model);
  return evictionWindows(model).flatMap((window): RecordingRule[] => [
    {
      record: POD_EVICTED,
      expr: print(
        binary(
          binary(max(by(pod), source.podEvicted()), '==', 1),
          'and',
          binary(min(by(pod), call('min_over_time', [range(source.podFailed(), window)])), '==', 0),
          on(pod),
          'lines',
        ),
      ),
      labels: { window },
    },
    {
      record: NAMESPACE_PODS_EVICTED,
      expr: print(count(by(namespaceKey(model)), selector(POD_EVICTED, eq('window', window)))),
      labels: { window },
    },
  ]);
}

function podsEvictedAlerts(model: Model): AlertingRule[] {
  return alertRulesPerSetting(model, podsEvicted, (settings) => ({
    expr: selector(NAMESPACE_PODS_EVICTED, eq('window', settings.window)),
    summary: 'Pods of a namespace were evicted by the kubelet.',
    description:
      'The kubelet evicted {{ printf "%.0f" $value }} pod(s) of namespace {{ $labels.namespace }} in the last ' +
      `${settings.window}, to reclaim memory or disk on their node.${evictedFromText(model, settings.window)} ` +
      'Evicted pods stay listed as Failed until deleted; their controllers start replacements elsewhere.',
    dashboardUrl: teamDashboardUrl(model, ['namespace']),
    annotations: {
      // The overview on the nodes the pods were evicted from: their memory pressure and evictions over time.
      nodes_dashboard_url: evictedFromDashboardUrl(model, settings.window),
    },
  }));
}
