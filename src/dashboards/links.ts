// Links at the top of every dashboard: the other headroom dashboards (by tag, so per-team copies appear without
// regenerating the others), the overview and the shared team dashboard (carrying the selected clusters), and the
// runbooks of the alerts the dashboard explains.
import { DashboardLinkBuilder, DashboardLinkType } from '@grafana/grafana-foundation-sdk/dashboard';
import { OVERVIEW_DASHBOARD_UID, TEAM_DASHBOARD_UID } from '../values/dashboard-uid.ts';
import type { Model } from '../model/model.ts';
import { runbookUrl } from '../rules/annotations.ts';
import { clusterLinkParams } from './clusters.ts';

/** Every headroom dashboard carries it; the link menu lists dashboards by it. */
export const DASHBOARD_TAG = 'headroom';

/** Grafana resolves `/d/<uid>` against its own base URL (sub-path included), so links survive a moved Grafana. */
function dashboardPath(uid: string): string {
  return `/d/${uid}`;
}

export function otherDashboardsLink(): DashboardLinkBuilder {
  return new DashboardLinkBuilder('Kubernetes memory')
    .type(DashboardLinkType.Dashboards)
    .tags([DASHBOARD_TAG])
    .asDropdown(true)
    .keepTime(true)
    .includeVars(false)
    .targetBlank(false);
}

/** `/d/<uid>` with the given query-string parameters, if any. */
export function dashboardUrl(uid: string, params: readonly string[]): string {
  return params.length === 0 ? dashboardPath(uid) : `${dashboardPath(uid)}?${params.join('&')}`;
}

export function overviewLink(model: Model): DashboardLinkBuilder {
  return dashboardLink('Overview', dashboardUrl(OVERVIEW_DASHBOARD_UID, clusterLinkParams(model)));
}

/** To the shared team dashboard, every team on it (the `team` variable picks one). */
export function teamDashboardLink(model: Model): DashboardLinkBuilder {
  return dashboardLink('Team', dashboardUrl(TEAM_DASHBOARD_UID, clusterLinkParams(model)));
}

function dashboardLink(title: string, url: string): DashboardLinkBuilder {
  return new DashboardLinkBuilder(title)
    .type(DashboardLinkType.Link)
    .url(url)
    .icon('dashboard')
    .keepTime(true)
    .includeVars(false)
    .targetBlank(false);
}

export function runbookLinks(model: Model, alerts: readonly string[]): DashboardLinkBuilder[] {
  return alerts.map((alert) =>
    new DashboardLinkBuilder(`Runbook: ${alert}`)
      .type(DashboardLinkType.Link)
      .url(runbookUrl(model, alert))
      .icon('doc')
      .tooltip(`What to do when ${alert} fires`)
      .targetBlank(true)
      .keepTime(false)
      .includeVars(false),
  );
}
