// Dashboard uids are part of the contract between alerts (dashboard_url) and dashboards: short, URL-safe, stable.

export const OVERVIEW_DASHBOARD_UID = 'headroom-overview';

/** At most 40 characters (Grafana's limit): team names are at most 26. */
export function teamDashboardUid(team: string): string {
  return `headroom-team-${team}`;
}

/** The team dashboard every alert links to; its `team` variable picks the team. */
export const TEAM_DASHBOARD_UID = 'headroom-team';
