// Overview: the containers nearest to their memory limit, from the recorded ratio the alert uses (cheap even over
// tens of thousands of containers), with working set, limit and owning team beside it.
import { TEAM_DASHBOARD_UID } from '../../values/dashboard-uid.ts';
import type { Model } from '../../model/model.ts';
import { binary, by, type Expr, group, groupLeft, on, selector, topk } from '../../promql/index.ts';
import { containerKey, namespaceKey } from '../../rules/keys.ts';
import { currentOwners } from '../../rules/ownership.ts';
import { MEMORY_RATIO } from '../../rules/record-names.ts';
import { CLUSTER_VARIABLE, clusterMatchers } from '../clusters.ts';
import { row, tableColumns, tablePanel, tableQuery } from '../common.ts';
import { containerSeries, ownerColumns } from '../container-series.ts';
import { dashboardUrl } from '../links.ts';
import type { Section } from '../section.ts';
import { variableMatcher } from '../variables.ts';

/** How many containers the table lists. */
const CLOSEST_COUNT = 50;

export function closestToLimitSection(model: Model): Section {
  const selected = [...clusterMatchers(model), variableMatcher('namespace', 'namespace')];
  const key = containerKey(model);
  const owner = ownerColumns(model);
  const ratio = selector(MEMORY_RATIO, ...selected);
  const owners = currentOwners(model, 'namespaces');
  const closest = topk(CLOSEST_COUNT, binary(ratio, '*', owners, on(namespaceKey(model)), groupLeft(owner)));
  // Working set and limit of the same containers, carrying the owner columns too so the merge lines the rows up.
  const ofClosest = (expr: Expr) =>
    binary(expr, '*', group(by([...key, ...owner]), closest), on(key), groupLeft(owner), 'lines');
  const containers = containerSeries(model);
  return {
    row: row(200, 'Containers closest to their memory limit'),
    panels: [
      tablePanel(201, `Top ${CLOSEST_COUNT} containers by % of memory limit`, '% of limit')
        .description(
          'Working set / limit, as recorded for the ContainerMemoryNearLimit alert. Click a pod to open the team ' +
            'dashboard on it.',
        )
        .withTarget(tableQuery('A', closest))
        .withTarget(tableQuery('B', ofClosest(containers.workingSet(...selected))))
        .withTarget(tableQuery('C', ofClosest(containers.limit(...selected))))
        .transformations(
          tableColumns([...key, ...ownerColumns(model)], { B: 'working set', C: 'limit', A: '% of limit' }),
        )
        .overrideByName('working set', [{ id: 'unit', value: 'bytes' }])
        .overrideByName('limit', [{ id: 'unit', value: 'bytes' }])
        .overrideByName('% of limit', [
          { id: 'unit', value: 'percentunit' },
          { id: 'custom.cellOptions', value: { type: 'gauge', mode: 'basic' } },
          { id: 'max', value: 1 },
          { id: 'min', value: 0 },
        ])
        .overrideByName('pod', [
          { id: 'links', value: [{ title: 'Team dashboard of this pod', url: podLink(model) }] },
        ]),
    ],
  };
}

/** The shared team dashboard on the row's pod: its team, namespace, pod (and cluster), the same time range. */
function podLink(model: Model): string {
  const field = (name: string) => `\${__data.fields.${name}}`;
  const params = [`var-team=${field('team')}`, `var-namespace=${field('namespace')}`, `var-pod=${field('pod')}`];
  if (model.clusterLabel) params.push(`var-${CLUSTER_VARIABLE}=${field(model.clusterLabel)}`);
  return dashboardUrl(TEAM_DASHBOARD_UID, [...params, '${__url_time_range}']);
}
