// "Kubernetes memory / Team <name>": one per value of the `team` label. ContainerMemoryNearLimit and
// ContainerOOMKilled link here with `var-namespace` and `var-pod` set to the alert's container.
import { DashboardBuilder, DashboardCursorSync } from '@grafana/grafana-foundation-sdk/dashboard';
import { teamDashboardUid } from '../../model/dashboard-uid.ts';
import type { Model } from '../../model/model.ts';
import { NEAR_LIMIT_ALERT } from '../../rules/container-memory-near-limit.ts';
import { OOM_KILLED_ALERT } from '../../rules/container-oom-killed.ts';
import { RULES_FAILING_ALERT } from '../../rules/meta-rules.ts';
import { NODE_PRESSURE_ALERT } from '../../rules/node-memory-pressure.ts';
import { matcher, series } from '../../rules/promql.ts';
import { NAMESPACE_OWNER } from '../../rules/record-names.ts';
import { sourceSeries } from '../../rules/source-series.ts';
import { prometheusAnnotation } from '../annotations.ts';
import { containerSeries } from '../container-series.ts';
import { dashboardDefaults } from '../dashboard-defaults.ts';
import { otherDashboardsLink, overviewLink, runbookLinks } from '../links.ts';
import { addSections } from '../section.ts';
import { datasourceVariable, labelValuesVariable, variableMatcher } from '../variables.ts';
import { firingAlertsSection } from './firing-alerts.ts';
import { memorySection } from './memory.ts';
import { restartsSection } from './restarts.ts';
import { terminationsSection } from './terminations.ts';

export function teamDashboardTitle(team: string): string {
  return `Kubernetes memory / Team ${team}`;
}

export function teamDashboard(model: Model, team: string): DashboardBuilder {
  // The owner series carry the team of every namespace seen, globs and catch-all already resolved by the rules.
  const namespaces = labelValuesVariable('namespace', 'Namespace', { selector: series(NAMESPACE_OWNER, matcher('team', '=', team)), label: 'namespace' });
  const pods = labelValuesVariable('pod', 'Pod', {
    selector: sourceSeries(model).restarts(variableMatcher('namespace', 'namespace')),
    label: 'pod',
    allValue: '.*',
  });
  const dashboard = dashboardDefaults(new DashboardBuilder(teamDashboardTitle(team)))
    .uid(teamDashboardUid(team))
    .description(`Memory of the containers in the namespaces of team ${team}: limits, OOM kills, terminations, firing alerts.`)
    .tooltip(DashboardCursorSync.Crosshair)
    .withVariable(datasourceVariable())
    .withVariable(namespaces)
    .withVariable(pods)
    .links([overviewLink(), otherDashboardsLink(), ...runbookLinks(model, [NEAR_LIMIT_ALERT, OOM_KILLED_ALERT])])
    .annotation(oomKillMarkers(model));
  const alerts = [NEAR_LIMIT_ALERT, OOM_KILLED_ALERT, NODE_PRESSURE_ALERT, RULES_FAILING_ALERT];
  return addSections(dashboard, [memorySection(model, team), restartsSection(model), terminationsSection(model), firingAlertsSection(team, alerts)]);
}

/** A marker on every graph where a selected container was OOMKilled: the moment its working set line drops. */
function oomKillMarkers(model: Model) {
  const selected = [variableMatcher('namespace', 'namespace'), variableMatcher('pod', 'pod')];
  return prometheusAnnotation('OOM kills', containerSeries(model).oomKillsWithin('2m', ...selected), 'OOMKilled', '{{namespace}}/{{pod}}/{{container}}', 'red');
}
