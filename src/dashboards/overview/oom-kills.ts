// Overview: OOM kills in the selected range, per namespace and owning team, and when they happened.
import type { Model } from '../../model/model.ts';
import { by, call, sum } from '../../promql/index.ts';
import { keyOf } from '../../rules/keys.ts';
import { clusterLegend, clusterMatchers } from '../clusters.ts';
import { countBarsPanel, rangeQuery, row, tableColumns, tablePanel, tableQuery } from '../common.ts';
import { containerSeries, ownerColumns, withTeam } from '../container-series.ts';
import type { Section } from '../section.ts';
import { variableMatcher } from '../variables.ts';

const DESCRIPTION =
  'Restarts of containers whose last termination was OOMKilled (kube-state-metrics keeps only the last reason per ' +
  'container).';

export function oomKillsSection(model: Model): Section {
  const selected = [...clusterMatchers(model), variableMatcher('namespace', 'namespace')];
  const columns = keyOf(model, 'namespace', ...ownerColumns(model));
  const kills = (window: string) =>
    sum(by(columns), withTeam(model, containerSeries(model).oomKillsWithin(window, ...selected)));
  return {
    row: row(300, 'OOM kills'),
    panels: [
      tablePanel(301, 'OOM kills in the selected range, by namespace and team', 'OOM kills')
        .span(12)
        .description(DESCRIPTION)
        .withTarget(tableQuery('A', call('round', [kills('$__range')], 'inline')))
        .transformations(tableColumns(columns, { A: 'OOM kills' })),
      countBarsPanel(302, 'OOM kills over time')
        .description(DESCRIPTION)
        .withTarget(rangeQuery('A', kills('$__rate_interval'), clusterLegend(model, '{{namespace}} ({{team}})'))),
    ],
  };
}
