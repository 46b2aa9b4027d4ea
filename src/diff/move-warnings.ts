// What a rename or a move breaks outside the generated files, shown with the warnings: a renamed team's `team`
// value is matched by Alertmanager routes and silences, picked in dashboard links, and recorded into series; a
// namespace moved to a team with another severity pages differently (or no longer does).
import { teamDashboardUid, TEAM_DASHBOARD_UID } from '../values/dashboard-uid.ts';
import { NAMESPACE_OWNER, NODE_OWNER, TEAM_INFO } from '../rules/record-names.ts';
import { fromName, moveSubject, toName } from './describe-moves.ts';
import { namespaceOwnerLabel } from './fallback.ts';
import type { OwnerMoved } from './ownership-moves.ts';
import type { ManifestData } from './read-manifest.ts';
import type { RuleId, Warning } from './report.ts';
import type { TeamRenamed } from './team-renames.ts';
import { isRecord } from './value-changes.ts';
import { changeText } from './wording.ts';
import { byCodePoint } from '../values/ordering.ts';

export function renameWarnings(
  rename: TeamRenamed,
  old: ManifestData,
  current: ManifestData,
  oldRules: readonly RuleId[],
): Warning[] {
  const { from, to } = rename;
  const head = `team ${from} renamed to ${to}`;
  const routed = isRecord(current.global.routing)
    ? " (headroom's generated routes follow the new name; routes and silences kept by hand do not)"
    : '';
  const perTeam = (manifest: ManifestData) => {
    const output =
      isRecord(manifest.global.output) && isRecord(manifest.global.output.dashboards)
        ? manifest.global.output.dashboards.perTeam
        : undefined;
    return Array.isArray(output) ? output : [];
  };
  const ownDashboard = perTeam(old).includes(from)
    ? `; its own dashboard's uid ${teamDashboardUid(from)} → ` +
      `${perTeam(current).includes(to) ? teamDashboardUid(to) : '(none)'}, so links to /d/${teamDashboardUid(from)} ` +
      `break`
    : '';
  // The teams table carries the team; the owner series copy it onto every namespace (node) the team owns.
  const carriers = (name: string) =>
    name === TEAM_INFO ? [NAMESPACE_OWNER, ...(rename.nodes.length > 0 ? [NODE_OWNER] : [])] : [name];
  const records = [
    ...new Set(
      oldRules
        .filter((rule) => rule.kind === 'record' && rule.labels.team === from)
        .flatMap((rule) => carriers(rule.name)),
    ),
  ].sort(byCodePoint);
  const recorded = records.length > 0 ? `recorded series ${records.join(', ')}` : 'series recorded';
  const labelOwner = namespaceOwnerLabel(old);
  return [
    {
      kind: 'team-renamed',
      message:
        `${head}: its alerts now carry team="${to}"; Alertmanager routes, inhibit rules and silences matching ` +
        `team="${from}" stop matching them${routed}`,
    },
    {
      kind: 'team-renamed',
      message:
        `${head}: dashboard links and bookmarks with var-team=${from} (dashboard ${TEAM_DASHBOARD_UID}) show ` +
        `no data${ownDashboard}`,
    },
    {
      kind: 'team-renamed',
      message:
        `${head}: ${recorded} with team="${from}" end and start again as team="${to}": a graph or query ` +
        `across the change sees two series`,
    },
    ...(labelOwner !== undefined
      ? [
          {
            kind: 'team-renamed' as const,
            message:
              `${head}: namespaces whose ${labelOwner} (kube_namespace_labels) is "${from}" name no team any ` +
              `more and go to team ${current.defaultTeam} until relabelled`,
          },
        ]
      : []),
  ];
}

/** A namespace or node moving to an owner with another severity, or with an alert turned off or on. */
export function severityMoveWarnings(move: OwnerMoved): Warning[] {
  const changed = move.changes
    .map((alert) => ({
      alert: alert.alert,
      settings: alert.settings.filter((s) => s.name === 'severity' || s.name === 'enabled'),
    }))
    .filter((alert) => alert.settings.length > 0);
  if (changed.length === 0) return [];
  const what = changed.map((alert) => `${alert.alert} ${alert.settings.map(changeText).join(', ')}`).join('; ');
  return [
    {
      kind: 'severity-moved',
      message:
        `${moveSubject(move)} moves from ${fromName(move)} to ${toName(move)}: ${what}` +
        (move.namespaceLabel !== undefined ? ` (where its ${move.namespaceLabel} label names no team in scope)` : ''),
    },
  ];
}
