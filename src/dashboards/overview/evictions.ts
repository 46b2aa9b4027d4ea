// Overview: pods the kubelet evicted to reclaim memory, per node (NodeMemoryEvictions) and per namespace
// (PodsEvicted), from what those alerts record. The MemoryPressure section above shows the pressure behind them.
import type { Model } from '../../model/model.ts';
import { by, max, selector } from '../../promql/index.ts';
import { namespaceKey, nodeKey } from '../../rules/keys.ts';
import { NAMESPACE_PODS_EVICTED, NODE_MEMORY_EVICTIONS } from '../../rules/record-names.ts';
import { clusterLegend, clusterMatchers } from '../clusters.ts';
import { rangeQuery, row, timeseriesPanel } from '../common.ts';
import { withTeam } from '../container-series.ts';
import type { Section } from '../section.ts';
import { variableMatcher } from '../variables.ts';

/** Both series count within the alert's window; where teams set several windows, the panels show the largest count. */
const WINDOW_NOTE =
  "Each value counts within the alert's window at that moment; where several windows are set, the largest count of " +
  'any.';

export function evictionsSection(model: Model): Section {
  const cluster = clusterMatchers(model);
  const perNode = max(by(nodeKey(model)), selector(NODE_MEMORY_EVICTIONS, ...cluster, variableMatcher('node', 'node')));
  const perNamespace = max(
    by(namespaceKey(model)),
    selector(NAMESPACE_PODS_EVICTED, ...cluster, variableMatcher('namespace', 'namespace')),
  );
  return {
    row: row(800, 'Memory evictions'),
    panels: [
      timeseriesPanel(801, 'Memory evictions per node', 'none')
        .description(
          'Pods the kubelet evicted with a memory signal, as recorded for the NodeMemoryEvictions alert. ' +
            `${WINDOW_NOTE}`,
        )
        .min(0)
        .decimals(0)
        .withTarget(rangeQuery('A', perNode, clusterLegend(model, '{{node}}'))),
      timeseriesPanel(802, 'Evicted pods per namespace', 'none')
        .description(
          `Pods evicted per namespace and owning team, as recorded for the PodsEvicted alert. ${WINDOW_NOTE}`,
        )
        .min(0)
        .decimals(0)
        .withTarget(rangeQuery('A', withTeam(model, perNamespace), clusterLegend(model, '{{namespace}} ({{team}})'))),
    ],
  };
}
