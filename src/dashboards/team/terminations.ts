// Team dashboard: why containers stopped lately (OOMKilled, Error, Completed…), from their last termination.
import type { Model } from '../../model/model.ts';
import { aggregate } from '../../rules/promql.ts';
import { countBarsPanel, rangeQuery, row, tableColumns, tablePanel, tableQuery } from '../common.ts';
import { containerSeries } from '../container-series.ts';
import type { Section } from '../section.ts';
import { variableMatcher } from '../variables.ts';

const NOTE = 'kube-state-metrics keeps only the last termination reason of a container; restarts are counted against it.';

export function terminationsSection(model: Model): Section {
  const selected = [variableMatcher('namespace', 'namespace'), variableMatcher('pod', 'pod')];
  const containers = containerSeries(model);
  return {
    row: row(300, 'Recent terminations'),
    panels: [
      tablePanel(301, 'Containers restarted in the selected range, by last termination reason', 'restarts')
        .span(12)
        .description(NOTE)
        .withTarget(tableQuery('A', `round(\n${containers.terminationsWithin('$__range', ...selected)}\n)`))
        .transformations(tableColumns(['namespace', 'pod', 'container', 'reason'], { A: 'restarts' })),
      countBarsPanel(302, 'Terminations by reason')
        .description(NOTE)
        .withTarget(rangeQuery('A', aggregate('sum', ['reason'], containers.terminationsWithin('$__rate_interval', ...selected)), '{{reason}}')),
    ],
  };
}
