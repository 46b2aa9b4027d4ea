// Overview: containers whose working set stayed above their memory request, per namespace, from what the
// ContainersAboveMemoryRequest alert (info) records. Beside the containers without a limit: the other risk report the
// node's memory pressure turns into evictions (the kubelet evicts pods above their requests first).
import type { Model } from '../../model/model.ts';
import { by, max, selector, sum } from '../../promql/index.ts';
import { namespaceKey } from '../../rules/keys.ts';
import { NAMESPACE_ABOVE_REQUEST } from '../../rules/record-names.ts';
import { clusterLegend, clusterMatchers } from '../clusters.ts';
import { orZero, rangeQuery, row, statPanel, statQuery, timeseriesPanel } from '../common.ts';
import { withTeam } from '../container-series.ts';
import type { Section } from '../section.ts';
import { variableMatcher } from '../variables.ts';

const DESCRIPTION =
  'Containers whose working set stayed above their memory request for the whole of the ' +
  `ContainersAboveMemoryRequest alert's \`for\`, as the rules record them (where several \`for\` are set, the ` +
  'largest count of any). Under node memory pressure the kubelet evicts them first. Empty where every team turned ' +
  'that alert off.';

export function aboveRequestSection(model: Model): Section {
  const selected = [...clusterMatchers(model), variableMatcher('namespace', 'namespace')];
  // max by the namespace key: one count per namespace whatever the `for` durations.
  const perNamespace = max(by(namespaceKey(model)), selector(NAMESPACE_ABOVE_REQUEST, ...selected));
  return {
    row: row(900, 'Containers above their memory request'),
    panels: [
      statPanel(901, 'Containers above their memory request', 'none')
        .height(9)
        .description(DESCRIPTION)
        .withTarget(statQuery('A', orZero(sum(perNamespace)))),
      timeseriesPanel(902, 'Containers above their memory request per namespace', 'none')
        .span(18)
        .description(DESCRIPTION)
        .min(0)
        .decimals(0)
        .withTarget(rangeQuery('A', withTeam(model, perNamespace), clusterLegend(model, '{{namespace}} ({{team}})'))),
    ],
  };
}
