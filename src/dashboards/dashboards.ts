// Every dashboard headroom generates: the overview, the shared team dashboard (a `team` variable picks the team),
// and a copy with the team fixed for each team listed in output.dashboards.perTeam. Their number does not grow
// with the number of teams.
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import type { Model } from '../model/model.ts';
import { byCodePoint } from '../values/ordering.ts';
import { overviewDashboard } from './overview/overview.ts';
import { teamDashboard } from './team/team.ts';

export function dashboards(model: Model): Dashboard[] {
  const copies = [...new Set(model.output.dashboards.perTeam)]
    .sort(byCodePoint)
    .map((team) => teamDashboard(model, team));
  return [overviewDashboard(model), teamDashboard(model), ...copies].map((builder) => inPlainSight(builder.build()));
}

/**
 * The SDK (0.0.21) gives every link and annotation `placement: "inControlsMenu"`, which recent Grafana versions
 * read as "hide in the controls dropdown". Links to runbooks and teams belong in plain sight: drop the field.
 */
function inPlainSight(dashboard: Dashboard): Dashboard {
  for (const link of dashboard.links ?? []) delete link.placement;
  for (const annotation of dashboard.annotations?.list ?? []) delete annotation.placement;
  return dashboard;
}
