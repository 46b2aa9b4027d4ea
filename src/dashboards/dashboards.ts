// Every dashboard headroom generates: the overview, then one per team (claiming teams and the default team).
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import type { Model } from '../model/model.ts';
import { overviewDashboard } from './overview/overview.ts';
import { dashboardTeams } from './team/team-thresholds.ts';
import { teamDashboard } from './team/team.ts';

export function dashboards(model: Model): Dashboard[] {
  return [overviewDashboard(model), ...dashboardTeams(model).map((team) => teamDashboard(model, team))].map((builder) => builder.build());
}
