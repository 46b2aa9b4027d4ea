// Overview: the containers nearest to their memory limit, from the recorded ratio the alert uses (cheap even over
// tens of thousands of containers), with working set, limit and owning team beside it.
import type { Model } from '../../model/model.ts';
import { teamDashboardUid } from '../../model/dashboard-uid.ts';
import { aggregate, binary, by, series } from '../../rules/promql.ts';
import { MEMORY_RATIO, NAMESPACE_OWNER } from '../../rules/record-names.ts';
import { CONTAINER_KEY } from '../../rules/source-series.ts';
import { row, tableColumns, tablePanel, tableQuery } from '../common.ts';
import { containerSeries } from '../container-series.ts';
import { dashboardPath } from '../links.ts';
import type { Section } from '../section.ts';
import { variableMatcher } from '../variables.ts';

/** How many containers the table lists. */
export const CLOSEST_COUNT = 50;

export function closestToLimitSection(model: Model): Section {
  const namespace = variableMatcher('namespace', 'namespace');
  const on = `on ${by(CONTAINER_KEY)}`;
  const closest = `topk(${CLOSEST_COUNT}, ${series(MEMORY_RATIO, namespace)} * on (namespace) group_left (team) ${NAMESPACE_OWNER})`;
  // Working set and limit of the same containers, carrying `team` too so the merge lines the rows up.
  const ofClosest = (expr: string) => binary(expr, `* ${on} group_left (team)`, aggregate('group', [...CONTAINER_KEY, 'team'], closest));
  const containers = containerSeries(model);
  const teamLink = `${dashboardPath(teamDashboardUid('${__data.fields.team}'))}?var-namespace=\${__data.fields.namespace}&var-pod=\${__data.fields.pod}&\${__url_time_range}`;
  return {
    row: row(200, 'Containers closest to their memory limit'),
    panels: [
      tablePanel(201, `Top ${CLOSEST_COUNT} containers by % of memory limit`, '% of limit')
        .description('Working set / limit, as recorded for the ContainerMemoryNearLimit alert. Click a pod to open its team dashboard.')
        .withTarget(tableQuery('A', closest))
        .withTarget(tableQuery('B', ofClosest(containers.workingSet(namespace))))
        .withTarget(tableQuery('C', ofClosest(containers.limit(namespace))))
        .transformations(tableColumns(['namespace', 'pod', 'container', 'team'], { B: 'working set', C: 'limit', A: '% of limit' }))
        .overrideByName('working set', [{ id: 'unit', value: 'bytes' }])
        .overrideByName('limit', [{ id: 'unit', value: 'bytes' }])
        .overrideByName('% of limit', [
          { id: 'unit', value: 'percentunit' },
          { id: 'custom.cellOptions', value: { type: 'gauge', mode: 'basic' } },
          { id: 'max', value: 1 },
          { id: 'min', value: 0 },
        ])
        .overrideByName('pod', [{ id: 'links', value: [{ title: 'Team dashboard of this pod', url: teamLink }] }]),
    ],
  };
}
