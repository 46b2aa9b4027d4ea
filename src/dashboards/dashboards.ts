// Every dashboard headroom generates: the overview, then one per team (claiming teams and the default team).
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import type { Model } from '../model/model.ts';
import { overviewDashboard } from './overview/overview.ts';
import { teamDashboard } from './team/team.ts';

export function dashboards(model: Model): Dashboard[] {
  return [overviewDashboard(model), ...dashboardTeams(model).map((team) => teamDashboard(model, team))].map((builder) =>
    inPlainSight(builder.build()),
  );
}

/** Every value of the `team` label: the claiming teams and the default team, sorted. */
export function dashboardTeams(model: Model): string[] {
  return [...new Set(model.owners.map((owner) => owner.team))].sort();
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
