// NodeMemoryPressure: the kubelet reports MemoryPressure (it evicts pods to reclaim memory) for `for`.
// Nodes belong to the team that claims them (dedicated node pools), else to the default team.
import { z } from 'zod';
import type { Model } from '../model/model.ts';
import { alertRulesPerSetting } from '../rules/alert-rules.ts';
import { binary, by, max } from '../promql/index.ts';
import { forDuration } from '../values/duration-setting.ts';
import { overviewDashboardUrl } from '../rules/annotations.ts';
import { INPUT } from '../rules/input-series.ts';
import { keyOf } from '../rules/keys.ts';
import type { AlertingRule } from '../rules/rule-types.ts';
import { sourceSeries } from '../rules/source-series.ts';
import { defineAlert } from './alert-definition.ts';
import { durationSetting, enabled, severity } from './settings.ts';

const settings = z.strictObject({
  enabled,
  for: durationSetting(forDuration, 'How long the node must report MemoryPressure'),
  severity,
});

export const nodeMemoryPressure = defineAlert({
  key: 'nodeMemoryPressure',
  name: 'NodeMemoryPressure',
  summary: 'a node reports MemoryPressure for `for`',
  subject: 'nodes',
  group: 'node-memory',
  settings,
  defaults: { enabled: true, for: '2m', severity: 'critical' },
  ruleSettings: (a) => ({ for: a.for, severity: a.severity }),
  inputs: [INPUT.nodeCondition],
  panels: [{ dashboard: 'overview', row: 'Nodes under memory pressure' }],
  rules: (model) => nodePressureAlerts(model),
});

function nodePressureAlerts(model: Model): AlertingRule[] {
  return alertRulesPerSetting(model, nodeMemoryPressure, (settings) => ({
    // max by (node): kube-state-metrics replicas report every node twice.
    expr: binary(max(by(keyOf(model, 'node')), sourceSeries(model).memoryPressure()), '==', 1),
    for: settings.for,
    summary: 'A node is under memory pressure; the kubelet evicts pods to reclaim memory.',
    description:
      `Node {{ $labels.node }} has reported the MemoryPressure condition for at least ${settings.for}. Pods on ` +
      'it may be evicted and new pods are not scheduled there.',
    dashboardUrl: overviewDashboardUrl(model, ['node']),
  }));
}
