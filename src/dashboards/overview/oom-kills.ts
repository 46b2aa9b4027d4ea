// Overview: OOM kills in the selected range, per namespace and owning team, and when they happened.
import type { Model } from '../../model/model.ts';
import { aggregate } from '../../rules/promql.ts';
import { countBarsPanel, rangeQuery, row, tableColumns, tablePanel, tableQuery } from '../common.ts';
import { containerSeries, withTeam } from '../container-series.ts';
import type { Section } from '../section.ts';
import { variableMatcher } from '../variables.ts';

const DESCRIPTION =
  'Restarts of containers whose last termination was OOMKilled (kube-state-metrics keeps only the last reason per container).';

export function oomKillsSection(model: Model): Section {
  const namespace = variableMatcher('namespace', 'namespace');
  const kills = (range: string) => aggregate('sum', ['namespace', 'team'], withTeam(containerSeries(model).oomKillsWithin(range, namespace)));
  return {
    row: row(300, 'OOM kills'),
    panels: [
      tablePanel(301, 'OOM kills in the selected range, by namespace and team', 'OOM kills')
        .span(12)
        .description(DESCRIPTION)
        .withTarget(tableQuery('A', `round(${kills('$__range')})`))
        .transformations(tableColumns(['namespace', 'team'], { A: 'OOM kills' })),
      countBarsPanel(302, 'OOM kills over time')
        .description(DESCRIPTION)
        .withTarget(rangeQuery('A', kills('$__rate_interval'), '{{namespace}} ({{team}})')),
    ],
  };
}
