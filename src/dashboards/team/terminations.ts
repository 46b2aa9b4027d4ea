// Team dashboard: why containers stopped lately (OOMKilled, Error, Completed…), from their last termination.
import type { Model } from '../../model/model.ts';
import { by, call, sum } from '../../promql/index.ts';
import { containerKey, keyOf } from '../../rules/keys.ts';
import { clusterLegend } from '../clusters.ts';
import { countBarsPanel, rangeQuery, row, tableColumns, tablePanel, tableQuery } from '../common.ts';
import { containerSeries } from '../container-series.ts';
import type { Section } from '../section.ts';
import type { TeamScope } from './team-scope.ts';

const NOTE =
  'kube-state-metrics keeps only the last termination reason of a container; restarts are counted against it.';

export function terminationsSection(model: Model, scope: TeamScope): Section {
  const terminations = (range: string) =>
    scope.owned(containerSeries(model).terminationsWithin(range, ...scope.containers));
  return {
    row: row(300, 'Recent terminations'),
    panels: [
      tablePanel(301, 'Containers restarted in the selected range, by last termination reason', 'restarts')
        .span(12)
        .description(NOTE)
        .withTarget(tableQuery('A', call('round', [terminations('$__range')])))
        .transformations(tableColumns([...containerKey(model), 'reason'], { A: 'restarts' })),
      countBarsPanel(302, 'Terminations by reason')
        .description(NOTE)
        .withTarget(
          rangeQuery(
            'A',
            sum(by(keyOf(model, 'reason')), terminations('$__rate_interval')),
            clusterLegend(model, '{{reason}}'),
          ),
        ),
    ],
  };
}
