// NodeMemoryPressure: the kubelet reports MemoryPressure (it evicts pods to reclaim memory) for `for`.
// Nodes belong to the team that claims them (dedicated node pools), else to the default team.
import type { Model } from '../model/model.ts';
import { overviewDashboardUrl, runbookUrl } from './annotations.ts';
import { rulesPerSetting } from './partition.ts';
import { keyOf } from './keys.ts';
import { aggregate } from './promql.ts';
import type { AlertingRule } from './rule-types.ts';
import { sourceSeries } from './source-series.ts';

export const NODE_PRESSURE_ALERT = 'NodeMemoryPressure';

export function nodePressureAlerts(model: Model): AlertingRule[] {
  return rulesPerSetting(model, 'nodeMemoryPressure', (settings, own) => ({
    alert: NODE_PRESSURE_ALERT,
    // max by (node): kube-state-metrics replicas report every node twice.
    expr: own(`(${aggregate('max', keyOf(model, 'node'), sourceSeries(model).memoryPressure())} == 1)`),
    for: settings.for,
    // Rules of one alert differ by a label, or promtool's lint rejects them as duplicates.
    labels: { severity: settings.severity, for: settings.for },
    annotations: {
      summary: 'A node is under memory pressure; the kubelet evicts pods to reclaim memory.',
      description: `Node {{ $labels.node }} has reported the MemoryPressure condition for at least ${settings.for}. Pods on it may be evicted and new pods are not scheduled there.`,
      runbook_url: runbookUrl(model, NODE_PRESSURE_ALERT),
      dashboard_url: overviewDashboardUrl(model, ['node']),
    },
  }));
}
