// "Kubernetes memory / Team": one dashboard for every team, its `team` variable picks one. ContainerMemoryNearLimit
// and ContainerOOMKilled link here with `var-team`, `var-namespace` and `var-pod` (and `var-cluster`) set to the
// alert's container. Teams listed in output.dashboards.perTeam also get a copy of their own with the team fixed.
import { DashboardBuilder, DashboardCursorSync } from '@grafana/grafana-foundation-sdk/dashboard';
import { TEAM_DASHBOARD_UID, teamDashboardUid } from '../../values/dashboard-uid.ts';
import { ALL_ALERTS } from '../../alerts/catalogue.ts';
import { containerMemoryNearLimit } from '../../alerts/container-memory-near-limit.ts';
import { containerOOMKilled } from '../../alerts/container-oom-killed.ts';
import type { Model } from '../../model/model.ts';
import { selector } from '../../promql/index.ts';
import { NAMESPACE_OWNER } from '../../rules/record-names.ts';
import { sourceSeries } from '../../rules/source-series.ts';
import { prometheusAnnotation } from '../annotations.ts';
import { clusterLegend, clusterMatchers, clusterVariable } from '../clusters.ts';
import { containerSeries } from '../container-series.ts';
import { dashboardDefaults } from '../dashboard-defaults.ts';
import { otherDashboardsLink, overviewLink, runbookLinks, teamDashboardLink } from '../links.ts';
import { addSections } from '../section.ts';
import {
  datasourceVariable,
  fixedTeamVariable,
  labelValuesVariable,
  teamVariable,
  variableMatcher,
} from '../variables.ts';
import { aboveRequestSection } from './above-request.ts';
import { firingAlertsSection } from './firing-alerts.ts';
import { memorySection } from './memory.ts';
import { podMemorySection } from './pod-memory.ts';
import { restartsSection } from './restarts.ts';
import { TEAM_MATCHER, type TeamScope, teamScope } from './team-scope.ts';
import { terminationsSection } from './terminations.ts';

const TEAM_DASHBOARD_TITLE = 'Kubernetes memory / Team';

function teamDashboardTitle(team: string): string {
  return `${TEAM_DASHBOARD_TITLE} ${team}`;
}

/** The shared team dashboard; with `fixedTeam`, the copy of that team (same queries, the team variable fixed). */
export function teamDashboard(model: Model, fixedTeam?: string): DashboardBuilder {
  const scope = teamScope(model);
  const cluster = clusterMatchers(model);
  // The owner series carry the team of every namespace seen, globs, labels and catch-all already resolved by the rules.
  const team =
    fixedTeam === undefined ? teamVariable(selector(NAMESPACE_OWNER, ...cluster)) : fixedTeamVariable(fixedTeam);
  const namespaces = labelValuesVariable('namespace', 'Namespace', {
    selector: selector(NAMESPACE_OWNER, ...cluster, TEAM_MATCHER),
    label: 'namespace',
  });
  const pods = labelValuesVariable('pod', 'Pod', {
    selector: sourceSeries(model).restarts(...cluster, variableMatcher('namespace', 'namespace')),
    label: 'pod',
    allValue: '.*',
  });
  const whose = fixedTeam === undefined ? 'the selected team' : `team ${fixedTeam}`;
  const dashboard = dashboardDefaults(
    new DashboardBuilder(fixedTeam === undefined ? TEAM_DASHBOARD_TITLE : teamDashboardTitle(fixedTeam)),
  )
    .uid(fixedTeam === undefined ? TEAM_DASHBOARD_UID : teamDashboardUid(fixedTeam))
    .description(
      `Memory of the containers in the namespaces of ${whose}: limits, pod-level limits, OOM kills, terminations, ` +
        'containers above their request, firing alerts.',
    )
    .tooltip(DashboardCursorSync.Crosshair)
    .withVariable(datasourceVariable());
  for (const variable of clusterVariable(model)) dashboard.withVariable(variable);
  dashboard
    .withVariable(team)
    .withVariable(namespaces)
    .withVariable(pods)
    .links([
      overviewLink(model),
      ...(fixedTeam === undefined ? [] : [teamDashboardLink(model)]),
      otherDashboardsLink(),
      ...runbookLinks(model, [containerMemoryNearLimit.name, containerOOMKilled.name]),
    ])
    .annotation(oomKillMarkers(model, scope));
  // Every alert headroom routes by team: the firing table is where a team sees all of its own at once.
  const alerts = ALL_ALERTS.map((alert) => alert.name);
  return addSections(dashboard, [
    memorySection(model, scope),
    podMemorySection(model, scope),
    restartsSection(model, scope),
    terminationsSection(model, scope),
    aboveRequestSection(model, scope),
    firingAlertsSection(model, alerts),
  ]);
}

/** A marker on every graph where a selected container was OOMKilled: the moment its working set line drops. */
function oomKillMarkers(model: Model, scope: TeamScope) {
  const kills = scope.owned(containerSeries(model).oomKillsWithin('2m', ...scope.containers));
  return prometheusAnnotation(
    'OOM kills',
    kills,
    'OOMKilled',
    clusterLegend(model, '{{namespace}}/{{pod}}/{{container}}'),
    'red',
  );
}
