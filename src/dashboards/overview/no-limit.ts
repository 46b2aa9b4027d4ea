// Overview: running containers without a memory limit. No limit alert can see them: they grow until the node
// runs out of memory, and the kernel then kills whatever it picks.
import type { Model } from '../../model/model.ts';
import { containerKey } from '../../rules/keys.ts';
import { clusterMatcher } from '../clusters.ts';
import { row, statPanel, statQuery, tableColumns, tablePanel, tableQuery } from '../common.ts';
import { containerSeries, ownerColumns, withTeam } from '../container-series.ts';
import type { Section } from '../section.ts';
import { variableMatcher } from '../variables.ts';

const DESCRIPTION = 'Containers with a working set but no memory limit: the blind spot of every limit alert.';

export function noLimitSection(model: Model): Section {
  const withoutLimit = containerSeries(model).withoutLimit(clusterMatcher(model), variableMatcher('namespace', 'namespace'));
  return {
    row: row(500, 'Containers without a memory limit'),
    panels: [
      statPanel(501, 'Containers without a memory limit', 'none')
        .height(10)
        .description(DESCRIPTION)
        .withTarget(statQuery('A', `count(\n${withoutLimit}\n) or vector(0)`)),
      tablePanel(502, 'Containers without a memory limit', 'working set')
        .span(18)
        .description(DESCRIPTION)
        .withTarget(tableQuery('A', withTeam(model, withoutLimit)))
        .transformations(tableColumns([...containerKey(model), ...ownerColumns(model)], { A: 'working set' }))
        .overrideByName('working set', [{ id: 'unit', value: 'bytes' }]),
    ],
  };
}
