// Team dashboard: the team's headroom alerts firing now (Prometheus' ALERTS series).
import type { Model } from '../../model/model.ts';
import { eq, re, selector } from '../../promql/index.ts';
import { clusterMatchers } from '../clusters.ts';
import { row, tablePanel, tableQuery } from '../common.ts';
import type { Section } from '../section.ts';
import { TEAM_MATCHER } from './team-scope.ts';

export function firingAlertsSection(model: Model, alerts: readonly string[]): Section {
  const firing = selector(
    'ALERTS',
    eq('alertstate', 'firing'),
    TEAM_MATCHER,
    ...clusterMatchers(model),
    re('alertname', alerts.join('|')),
  );
  return {
    row: row(400, 'Firing alerts'),
    panels: [
      tablePanel(401, 'headroom alerts of team $team firing now', 'severity', false)
        .height(8)
        .description('Alerts with team="$team", whatever the namespace selected above. Runbooks: links at the top.')
        .withTarget(tableQuery('A', firing))
        .transformations([
          { id: 'organize', options: { excludeByName: { Time: true, Value: true, __name__: true, alertstate: true } } },
        ]),
    ],
  };
}
