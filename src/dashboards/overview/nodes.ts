// Overview: nodes reporting MemoryPressure (the kubelet evicts pods there), now and over the range.
import type { Model } from '../../model/model.ts';
import { nodeKey } from '../../rules/keys.ts';
import { aggregate, by } from '../../rules/promql.ts';
import { currentOwners } from '../../rules/ownership.ts';
import { sourceSeries } from '../../rules/source-series.ts';
import { clusterLegend, clusterMatcher } from '../clusters.ts';
import { rangeQuery, row, statPanel, statQuery, timeseriesPanel } from '../common.ts';
import type { Section } from '../section.ts';
import { variableMatcher } from '../variables.ts';

export function nodesSection(model: Model): Section {
  const key = nodeKey(model);
  // max by (node): kube-state-metrics replicas report every node twice.
  const underPressure = `${aggregate('max', key, sourceSeries(model).memoryPressure(clusterMatcher(model), variableMatcher('node', 'node')))} == 1`;
  return {
    row: row(100, 'Nodes under memory pressure'),
    panels: [
      statPanel(101, 'Nodes under MemoryPressure now', 'none')
        .description('Nodes whose kubelet reports the MemoryPressure condition: it evicts pods to reclaim memory.')
        .withTarget(statQuery('A', `count(${underPressure}) or vector(0)`)),
      timeseriesPanel(102, 'Nodes under MemoryPressure over time', 'none')
        .span(18)
        .description('One line per node while it reports MemoryPressure, labelled with the team that owns the node.')
        .min(0)
        .max(1)
        .decimals(0)
        .withTarget(
          rangeQuery(
            'A',
            `(${underPressure})\n* on ${by(key)} group_left (team)\n${currentOwners(model, 'nodes')}`,
            clusterLegend(model, '{{node}} ({{team}})'),
          ),
        ),
    ],
  };
}
