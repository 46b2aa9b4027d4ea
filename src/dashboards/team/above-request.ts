// Team dashboard: containers whose working set stayed above their memory request, as recorded for the
// ContainersAboveMemoryRequest alert (info). Under node memory pressure the kubelet evicts those first; the table says
// which containers to give a larger request, the graph how many per namespace over time.
import type { Model } from '../../model/model.ts';
import { by, max, selector } from '../../promql/index.ts';
import { containerKey, namespaceKey } from '../../rules/keys.ts';
import { ABOVE_REQUEST, NAMESPACE_ABOVE_REQUEST } from '../../rules/record-names.ts';
import { clusterLegend } from '../clusters.ts';
import { rangeQuery, row, tableColumns, tablePanel, tableQuery, timeseriesPanel } from '../common.ts';
import type { Section } from '../section.ts';
import type { TeamScope } from './team-scope.ts';

const ABOVE_REQUEST_DESCRIPTION =
  'Containers whose working set stayed above their memory request for the whole of the ' +
  `ContainersAboveMemoryRequest alert's \`for\`, as the rules record them; where several \`for\` are set, any of ` +
  'them. Empty where the alert is off.';

export function aboveRequestSection(model: Model, scope: TeamScope): Section {
  // max by the key: one value per container (or namespace) whatever the `for` durations.
  const containers = scope.owned(max(by(containerKey(model)), selector(ABOVE_REQUEST, ...scope.containers)));
  const perNamespace = scope.owned(
    max(by(namespaceKey(model)), selector(NAMESPACE_ABOVE_REQUEST, ...scope.namespaces)),
  );
  return {
    row: row(600, 'Containers above their memory request'),
    panels: [
      tablePanel(601, 'Containers above their memory request', 'lowest % of request')
        .span(12)
        .description(`${ABOVE_REQUEST_DESCRIPTION} Value: the lowest working set / request in that time.`)
        .withTarget(tableQuery('A', containers))
        .transformations(tableColumns(containerKey(model), { A: 'lowest % of request' }))
        .overrideByName('lowest % of request', [{ id: 'unit', value: 'percentunit' }]),
      timeseriesPanel(602, 'Containers above their memory request per namespace', 'none')
        .description(ABOVE_REQUEST_DESCRIPTION)
        .min(0)
        .decimals(0)
        .withTarget(rangeQuery('A', perNamespace, clusterLegend(model, '{{namespace}}'))),
    ],
  };
}
