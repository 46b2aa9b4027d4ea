// NodeMemoryPressure: the kubelet reports MemoryPressure (it evicts pods to reclaim memory) for `for`.
// Nodes belong to the team that claims them (dedicated node pools), else to the default team.
import type { Model } from '../model/model.ts';
import { overviewDashboardUrl, runbookUrl } from './annotations.ts';
import { copiedOwnerLabels, ownedMatcher } from './ownership.ts';
import { partitionOwners } from './partition.ts';
import { aggregate, binary, series } from './promql.ts';
import { NODE_OWNER } from './record-names.ts';
import type { AlertingRule } from './rule-types.ts';
import { sourceSeries } from './source-series.ts';

export const NODE_PRESSURE_ALERT = 'NodeMemoryPressure';

export function nodePressureAlerts(model: Model): AlertingRule[] {
  const partitions = partitionOwners(model, ({ alerts: { nodeMemoryPressure: a } }) => (a.enabled ? { for: a.for, severity: a.severity } : undefined));
  return partitions.flatMap(({ settings, owners }) => {
    const owned = ownedMatcher(model, 'nodes', owners);
    if (owned === null) return [];
    // max by (node): kube-state-metrics replicas report every node twice.
    const underPressure = `${aggregate('max', ['node'], sourceSeries(model).memoryPressure(owned))} == 1`;
    return [
      {
        alert: NODE_PRESSURE_ALERT,
        expr: binary(`(${underPressure})`, `* on (node) group_left (${copiedOwnerLabels(model).join(', ')})`, series(NODE_OWNER, owned)),
        for: settings.for,
        // Rules of one alert differ by a label, or promtool's lint rejects them as duplicates.
        labels: { severity: settings.severity, for: settings.for },
        annotations: {
          summary: 'A node is under memory pressure; the kubelet evicts pods to reclaim memory.',
          description: 'Node {{ $labels.node }} has reported the MemoryPressure condition for at least ' + settings.for + '. Pods on it may be evicted and new pods are not scheduled there.',
          runbook_url: runbookUrl(model, NODE_PRESSURE_ALERT),
          dashboard_url: overviewDashboardUrl(model, ['node']),
        },
      },
    ];
  });
}
