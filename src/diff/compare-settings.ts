// Team and alert changes from the two settings manifests: ownership, labels, where alerts route and the effective
// setting of every alert, per team. The manifest states them outright, so nothing is guessed from PromQL.
import { alertName } from './alert-names.ts';
import type { ManifestData } from './read-manifest.ts';
import type { AlertChange, OwnerChange, SettingsChanges } from './report.ts';
import { fallbackOf } from './fallback.ts';
import { notGeneratedChanges } from './not-generated.ts';
import { findMoves } from './ownership-moves.ts';
import { findRenames, renameMaps } from './team-renames.ts';
import { teamReceivers } from './team-receivers.ts';
import { alertSettingChanges, sameValue, setChanges, valueChanges } from './value-changes.ts';

/**
 * Manifest keys that are not settings of their own: each team's route (routing.teams.<team>) is told with its team,
 * and the fallback receiver is the default team's route receiver.
 */
const PER_TEAM_ROUTING = /^routing\.(teams\.|fallbackReceiver$)/;

export function compareSettings(old: ManifestData, current: ManifestData): SettingsChanges {
  const renames = findRenames(old, current);
  const { newName, oldName } = renameMaps(renames);
  const notGenerated = notGeneratedChanges(old, current);
  // An alert inputs.absent holds back or releases is told once (notGenerated), not as every owner's `enabled`.
  const held = new Set(notGenerated.map((change) => change.alert));
  const global = [
    ...valueChanges({ defaultTeam: old.defaultTeam }, { defaultTeam: current.defaultTeam }),
    ...valueChanges(old.global, current.global).filter((change) => !PER_TEAM_ROUTING.test(change.name)),
  ];
  const names = [...new Set([...Object.keys(old.teams), ...Object.keys(current.teams)])]
    .filter((name) => !newName.has(name))
    .sort();
  const owners = names
    .map((name) => {
      const was = oldName.get(name);
      if (was === undefined) return compareOwner(old, current, name, name, held);
      // The rename says what changed of its route (renameLines).
      return {
        ...compareOwner(old, current, was, name, held, true)!,
        route: [],
        status: 'renamed' as const,
        renamedFrom: was,
      };
    })
    .concat(compareOwner(old, current, undefined, undefined, held))
    .filter((owner): owner is OwnerChange => owner !== undefined);
  const moves = [...renames, ...findMoves(old, current, renames)];
  const namespaceLabel = fallbackOf(current, 'namespaces').label;
  return {
    global,
    defaults: compareAlerts(old.defaults, current.defaults, held),
    notGenerated,
    owners,
    moves,
    defaultTeam: current.defaultTeam,
    ...(namespaceLabel !== undefined ? { namespaceLabel } : {}),
  };
}

/**
 * What a change that introduces headroom sets up, as changes from nothing: every team added with its claims, labels,
 * route and the settings it overrides; the defaults of every alert; the config's settings. No moves: nothing was
 * owned before.
 */
export function introduceSettings(current: ManifestData): SettingsChanges {
  const nothing: ManifestData = {
    defaultTeam: current.defaultTeam,
    global: {},
    defaults: {},
    teams: {},
    // Shown against the defaults, as an added team is: only what differs.
    unclaimed: { namespaces: [], nodes: [], clusters: [], labels: {}, alerts: current.defaults },
  };
  return { ...compareSettings(nothing, current), moves: [], introduced: true };
}

/** A team (or, with `team` undefined, everything no team claims) old → new; undefined when nothing changed. */
function compareOwner(
  oldManifest: ManifestData,
  newManifest: ManifestData,
  oldTeam: string | undefined,
  team: string | undefined,
  /** Alerts whose `enabled` inputs.absent changes (told once, see notGeneratedChanges). */
  held: ReadonlySet<string>,
  /** Report it even when nothing but its name changed (a rename). */
  always = false,
): OwnerChange | undefined {
  const old = oldTeam === undefined ? oldManifest.unclaimed : oldManifest.teams[oldTeam];
  const current = team === undefined ? newManifest.unclaimed : newManifest.teams[team];
  if (!old && !current) return undefined;
  const status = !old ? 'added' : !current ? 'removed' : 'changed';
  const before = old ?? { namespaces: [], nodes: [], clusters: [], labels: {}, alerts: newManifest.defaults };
  const after = current ?? { namespaces: [], nodes: [], clusters: [], labels: {}, alerts: {} };
  const change: OwnerChange = {
    team,
    status,
    namespaces: setChanges(before.namespaces, after.namespaces),
    nodes: setChanges(before.nodes, after.nodes),
    clusters: sameValue(before.clusters, after.clusters) ? undefined : { old: before.clusters, new: after.clusters },
    labels: valueChanges(before.labels, after.labels),
    // A removed team's settings and route are gone with it; an added team's are shown against the defaults.
    alerts: status === 'removed' ? [] : compareAlerts(before.alerts, after.alerts, held),
    route:
      status === 'removed' ? [] : valueChanges(routeOf(oldManifest, oldTeam, !old), routeOf(newManifest, team, false)),
  };
  const changed =
    always ||
    status !== 'changed' ||
    change.namespaces.added.length +
      change.namespaces.removed.length +
      change.nodes.added.length +
      change.nodes.removed.length >
      0 ||
    change.clusters !== undefined ||
    change.labels.length + change.alerts.length + change.route.length > 0;
  return changed ? change : undefined;
}

/**
 * Where the owner's alerts go ({} without routing, or where the owner does not exist): the default team's route for
 * what no team claims.
 */
function routeOf(manifest: ManifestData, team: string | undefined, absent: boolean): Record<string, unknown> {
  return absent ? {} : teamReceivers(manifest, team ?? manifest.defaultTeam);
}

function compareAlerts(
  old: ManifestData['defaults'],
  current: ManifestData['defaults'],
  held: ReadonlySet<string>,
): AlertChange[] {
  const keys = [...new Set([...Object.keys(old), ...Object.keys(current)])];
  return keys
    .map((key) => {
      const alert = alertName(key);
      const settings = alertSettingChanges(old[key], current[key]);
      return { alert, settings: held.has(alert) ? settings.filter((change) => change.name !== 'enabled') : settings };
    })
    .filter((change) => change.settings.length > 0);
}
