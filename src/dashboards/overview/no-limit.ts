// Overview: running containers without a memory limit. No limit alert can see them: they grow until the node
// runs out of memory, and the kernel then kills whatever it picks. Read from what ContainersWithoutMemoryLimit
// records (pod-level limits already counted as limits), so the panels and the alert agree.
import type { Model } from '../../model/model.ts';
import { by, max, selector, sum } from '../../promql/index.ts';
import { containerKey, namespaceKey } from '../../rules/keys.ts';
import { NAMESPACE_WITHOUT_LIMIT, WITHOUT_LIMIT } from '../../rules/record-names.ts';
import { clusterLegend, clusterMatchers } from '../clusters.ts';
import {
  orZero,
  rangeQuery,
  row,
  statPanel,
  statQuery,
  tableColumns,
  tablePanel,
  tableQuery,
  timeseriesPanel,
} from '../common.ts';
import { ownerColumns, withTeam } from '../container-series.ts';
import type { Section } from '../section.ts';
import { variableMatcher } from '../variables.ts';

const DESCRIPTION =
  "Containers with a working set but no memory limit, neither their own nor their pod's: the blind spot of every " +
  'limit alert. As recorded for the ContainersWithoutMemoryLimit alert; empty where every team turned that alert ' +
  'off.';

export function noLimitSection(model: Model): Section {
  const selected = [...clusterMatchers(model), variableMatcher('namespace', 'namespace')];
  const withoutLimit = max(by(containerKey(model)), selector(WITHOUT_LIMIT, ...selected));
  const perNamespace = max(by(namespaceKey(model)), selector(NAMESPACE_WITHOUT_LIMIT, ...selected));
  return {
    row: row(500, 'Containers without a memory limit'),
    panels: [
      statPanel(501, 'Containers without a memory limit', 'none')
        .height(10)
        .description(DESCRIPTION)
        .withTarget(statQuery('A', orZero(sum(perNamespace)))),
      tablePanel(502, 'Containers without a memory limit', 'working set')
        .span(18)
        .description(DESCRIPTION)
        .withTarget(tableQuery('A', withTeam(model, withoutLimit)))
        .transformations(tableColumns([...containerKey(model), ...ownerColumns(model)], { A: 'working set' }))
        .overrideByName('working set', [{ id: 'unit', value: 'bytes' }]),
      timeseriesPanel(503, 'Containers without a memory limit per namespace', 'none')
        .span(24)
        .description(DESCRIPTION)
        .min(0)
        .decimals(0)
        .withTarget(rangeQuery('A', withTeam(model, perNamespace), clusterLegend(model, '{{namespace}} ({{team}})'))),
    ],
  };
}
