// "Kubernetes memory / Overview": the cluster (or the selected clusters) at a glance. NodeMemoryPressure alerts link
// here with `var-node`.
import { DashboardBuilder, DashboardCursorSync } from '@grafana/grafana-foundation-sdk/dashboard';
import { OVERVIEW_DASHBOARD_UID } from '../../values/dashboard-uid.ts';
import { containerMemoryNearLimit } from '../../alerts/container-memory-near-limit.ts';
import { containerOOMKilled } from '../../alerts/container-oom-killed.ts';
import { headroomRulesFailing } from '../../alerts/headroom-rules-failing.ts';
import { nodeMemoryPressure } from '../../alerts/node-memory-pressure.ts';
import type { Model } from '../../model/model.ts';
import { selector } from '../../promql/index.ts';
import { NAMESPACE_OWNER } from '../../rules/record-names.ts';
import { sourceSeries } from '../../rules/source-series.ts';
import { clusterMatchers, clusterVariable } from '../clusters.ts';
import { dashboardDefaults } from '../dashboard-defaults.ts';
import { otherDashboardsLink, runbookLinks, teamDashboardLink } from '../links.ts';
import { addSections } from '../section.ts';
import { datasourceVariable, labelValuesVariable } from '../variables.ts';
import { aboveRequestSection } from './above-request.ts';
import { closestToLimitSection } from './closest-to-limit.ts';
import { evictionsSection } from './evictions.ts';
import { noLimitSection } from './no-limit.ts';
import { nodesSection } from './nodes.ts';
import { oomKillsSection } from './oom-kills.ts';
import { requestsLimitsSection } from './requests-limits.ts';
import { silentOomKillsSection } from './silent-oom-kills.ts';
import { unknownOwnersSection } from './unknown-owners.ts';

const OVERVIEW_TITLE = 'Kubernetes memory / Overview';

export function overviewDashboard(model: Model): DashboardBuilder {
  const cluster = clusterMatchers(model);
  const dashboard = dashboardDefaults(new DashboardBuilder(OVERVIEW_TITLE))
    .uid(OVERVIEW_DASHBOARD_UID)
    .description(
      `Memory trouble across ${model.clusterLabel ? 'the selected clusters' : 'the cluster'}: node pressure, ` +
        'containers near their limit, OOM kills (silent ones too), evictions, containers without a limit or above ' +
        'their request.',
    )
    .tooltip(DashboardCursorSync.Crosshair)
    .withVariable(datasourceVariable());
  for (const variable of clusterVariable(model)) dashboard.withVariable(variable);
  dashboard
    .withVariable(
      labelValuesVariable('node', 'Node', {
        selector: sourceSeries(model).nodeCondition(...cluster),
        label: 'node',
        allValue: '.*',
      }),
    )
    .withVariable(
      labelValuesVariable('namespace', 'Namespace', {
        selector: selector(NAMESPACE_OWNER, ...cluster),
        label: 'namespace',
        allValue: '.*',
      }),
    )
    .links([
      teamDashboardLink(model),
      otherDashboardsLink(),
      ...runbookLinks(
        model,
        [nodeMemoryPressure, containerMemoryNearLimit, containerOOMKilled, headroomRulesFailing].map(
          (alert) => alert.name,
        ),
      ),
    ]);
  return addSections(dashboard, [
    nodesSection(model),
    closestToLimitSection(model),
    oomKillsSection(model),
    silentOomKillsSection(model),
    evictionsSection(model),
    requestsLimitsSection(model),
    noLimitSection(model),
    aboveRequestSection(model),
    ...unknownOwnersSection(model),
  ]);
}
