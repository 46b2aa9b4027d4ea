// Overview: nodes reporting MemoryPressure (the kubelet evicts pods there), now and over the range.
import type { Model } from '../../model/model.ts';
import { binary, by, count, groupLeft, max, on } from '../../promql/index.ts';
import { nodeKey } from '../../rules/keys.ts';
import { currentOwners } from '../../rules/ownership.ts';
import { sourceSeries } from '../../rules/source-series.ts';
import { clusterLegend, clusterMatchers } from '../clusters.ts';
import { orZero, rangeQuery, row, statPanel, statQuery, timeseriesPanel } from '../common.ts';
import type { Section } from '../section.ts';
import { variableMatcher } from '../variables.ts';

export function nodesSection(model: Model): Section {
  const key = nodeKey(model);
  // max by (node): kube-state-metrics replicas report every node twice.
  const pressure = sourceSeries(model).memoryPressure(...clusterMatchers(model), variableMatcher('node', 'node'));
  const underPressure = binary(max(by(key), pressure), '==', 1);
  const owners = currentOwners(model, 'nodes');
  return {
    row: row(100, 'Nodes under memory pressure'),
    panels: [
      statPanel(101, 'Nodes under MemoryPressure now', 'none')
        .description('Nodes whose kubelet reports the MemoryPressure condition: it evicts pods to reclaim memory.')
        .withTarget(statQuery('A', orZero(count(underPressure)))),
      timeseriesPanel(102, 'Nodes under MemoryPressure over time', 'none')
        .span(18)
        .description('One line per node while it reports MemoryPressure, labelled with the team that owns the node.')
        .min(0)
        .max(1)
        .decimals(0)
        .withTarget(
          rangeQuery(
            'A',
            binary(underPressure, '*', owners, on(key), groupLeft(['team']), 'lines'),
            clusterLegend(model, '{{node}} ({{team}})'),
          ),
        ),
    ],
  };
}
