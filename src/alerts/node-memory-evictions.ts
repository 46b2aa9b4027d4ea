// NodeMemoryEvictions: the kubelet evicted pods from a node to reclaim memory (signal memory.available or
// allocatableMemory.available) within `window`. One alert per node, for the node's owner (as NodeMemoryPressure).
//
// kubelet_evictions is a counter per signal that the kubelet creates at its first eviction of that signal, at 1:
// a rise within the window never counts that first eviction (it needs two samples). So an eviction counts when
// - the counter rose within the window (counter-rise.ts: the same on vmalert, where increase() counts a flat counter
//   again after a gap), or
// - the counter's series appeared within the window (absent `window` ago) on a kubelet that was scraped `window` ago
//   (its kubelet_node_name was there): its value is the evictions since it appeared.
// The second condition keeps a scrape gap quiet: when the kubelet (or Prometheus) was not scraped `window` ago, an old
// counter that comes back looks new, but then kubelet_node_name is missing too. Not covered: a node whose kubelet
// started less than `window` ago (a new node) and evicts before `window` has passed; its next eviction counts.
//
// The counters are recorded once per distinct window, joined to the node name on the kubelet's `instance` as
// kubernetes-mixin's KubeNodeEviction does; the alert rules read only the nodes with evictions.
import { z } from 'zod';
import type { Model } from '../model/model.ts';
import { alertRulesPerSetting } from '../rules/alert-rules.ts';
import {
  binary,
  by,
  call,
  eq,
  type Expr,
  groupLeft,
  max,
  offset,
  on,
  print,
  range,
  selector,
  sum,
} from '../promql/index.ts';
import { rangeDuration } from '../values/duration-setting.ts';
import { overviewDashboardUrl } from '../rules/annotations.ts';
import { nodeMemoryPressureNow } from '../rules/eviction-annotations.ts';
import { keyOf, nodeKey } from '../rules/keys.ts';
import { riseWithin } from '../rules/counter-rise.ts';
import { INPUT } from '../rules/input-series.ts';
import { mayOwn } from '../rules/owned-by.ts';
import { distinctValues } from '../rules/partition.ts';
import { NODE_MEMORY_EVICTIONS } from '../rules/record-names.ts';
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

export const nodeMemoryEvictions = defineAlert({
  key: 'nodeMemoryEvictions',
  name: 'NodeMemoryEvictions',
  summary: 'the kubelet evicted pods from a node to reclaim memory',
  subject: 'nodes',
  group: 'node-memory',
  settings,
  defaults: { enabled: true, window: '10m', severity: 'warning' },
  ruleSettings: (a) => ({ window: a.window, severity: a.severity }),
  inputs: [INPUT.evictions, INPUT.kubeletNodeName, INPUT.nodeCondition],
  ranges: ['window'],
  panels: [{ dashboard: 'overview', row: 'Memory evictions' }],
  rules: (model) => [...nodeEvictionRules(model), ...nodeEvictionAlerts(model)],
  warnings: (a) => rangeWarnings('window', a.window),
});

/** Distinct windows of the owners that have the alert on and can own nodes, sorted. */
function evictionWindows(model: Model): string[] {
  return distinctValues(model, (owner) =>
    mayOwn(model, owner, 'nodes') && owner.alerts.nodeMemoryEvictions.enabled
      ? owner.alerts.nodeMemoryEvictions.window
      : undefined,
  );
}

/** Memory evictions per kubelet and signal within `window` (see the file comment). */
function evictionsPerKubelet(model: Model, window: string): Expr {
  const source = sourceSeries(model);
  const evictions = source.memoryEvictions();
  const appeared = binary(
    binary(call('max_over_time', [range(evictions, window)]), 'unless', offset(evictions, window), 'lines'),
    'and',
    offset(source.kubeletNodeName(), window),
    on(keyOf(model, 'instance')),
    'lines',
  );
  return binary(appeared, 'or', riseWithin(evictions, window, { resets: true }), 'lines');
}

function nodeEvictionRules(model: Model): RecordingRule[] {
  const kubelet = keyOf(model, 'instance');
  const nodeName = max(by(keyOf(model, 'instance', 'node')), sourceSeries(model).kubeletNodeName());
  return evictionWindows(model).map((window) => {
    const evictions = binary(
      evictionsPerKubelet(model, window),
      '*',
      nodeName,
      on(kubelet),
      groupLeft(['node']),
      'lines',
    );
    return {
      record: NODE_MEMORY_EVICTIONS,
      expr: print(binary(sum(by(nodeKey(model)), evictions), '>', 0)),
      labels: { window },
    };
  });
}

function nodeEvictionAlerts(model: Model): AlertingRule[] {
  return alertRulesPerSetting(model, nodeMemoryEvictions, (settings) => ({
    expr: selector(NODE_MEMORY_EVICTIONS, eq('window', settings.window)),
    summary: 'The kubelet evicted pods from a node to reclaim memory.',
    description:
      'The kubelet of node {{ $labels.node }} evicted {{ printf "%.0f" $value }} pod(s) in the last ' +
      `${settings.window} because the node ran short of memory (signal memory.available or ` +
      `allocatableMemory.available). ${nodeMemoryPressureNow(model)}`,
    dashboardUrl: overviewDashboardUrl(model, ['node']),
  }));
}
