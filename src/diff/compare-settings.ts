// Team and alert changes from the two settings manifests: ownership, labels and the effective setting of every
// alert, per team. The manifest states them outright, so nothing is guessed from PromQL.
import type { ManifestData, ManifestOwnerData } from './read-manifest.ts';
import type { AlertChange, OwnerChange, SettingsChanges } from './report.ts';
import { findMoves } from './ownership-moves.ts';
import { findRenames, renameMaps } from './team-renames.ts';
import { alertSettingChanges, sameValue, setChanges, valueChanges } from './value-changes.ts';

export function compareSettings(old: ManifestData, current: ManifestData): SettingsChanges {
  const renames = findRenames(old, current);
  const { newName, oldName } = renameMaps(renames);
  // A renamed team's route moves from routing.teams.<old> to routing.teams.<new>: the rename says that once.
  const renamedRoutes = [...newName.keys(), ...oldName.keys()].map((team) => `routing.teams.${team}.`);
  const global = [
    ...valueChanges({ defaultTeam: old.defaultTeam }, { defaultTeam: current.defaultTeam }),
    ...valueChanges(old.global, current.global).filter((change) => !renamedRoutes.some((prefix) => change.name.startsWith(prefix))),
  ];
  const names = [...new Set([...Object.keys(old.teams), ...Object.keys(current.teams)])].filter((name) => !newName.has(name)).sort();
  const owners = names
    .map((name) => {
      const was = oldName.get(name);
      if (was === undefined) return compareOwner(name, old.teams[name], current.teams[name], current.defaults);
      return { ...compareOwner(name, old.teams[was], current.teams[name], current.defaults, true)!, status: 'renamed' as const, renamedFrom: was };
    })
    .concat(compareOwner(undefined, old.unclaimed, current.unclaimed, current.defaults))
    .filter((owner): owner is OwnerChange => owner !== undefined);
  const moves = [...renames, ...findMoves(old, current, renames)];
  return { global, defaults: compareAlerts(old.defaults, current.defaults), owners, moves, defaultTeam: current.defaultTeam };
}

function compareOwner(
  team: string | undefined,
  old: ManifestOwnerData | undefined,
  current: ManifestOwnerData | undefined,
  defaults: ManifestData['defaults'],
  /** Report it even when nothing but its name changed (a rename). */
  always = false,
): OwnerChange | undefined {
  if (!old && !current) return undefined;
  const status = !old ? 'added' : !current ? 'removed' : 'changed';
  const before = old ?? { namespaces: [], nodes: [], clusters: [], labels: {}, alerts: defaults };
  const after = current ?? { namespaces: [], nodes: [], clusters: [], labels: {}, alerts: {} };
  const change: OwnerChange = {
    team,
    status,
    namespaces: setChanges(before.namespaces, after.namespaces),
    nodes: setChanges(before.nodes, after.nodes),
    clusters: sameValue(before.clusters, after.clusters) ? undefined : { old: before.clusters, new: after.clusters },
    labels: valueChanges(before.labels, after.labels),
    // A removed team's settings are gone with it; an added team's are shown against the defaults.
    alerts: status === 'removed' ? [] : compareAlerts(before.alerts, after.alerts),
  };
  const changed =
    always ||
    status !== 'changed' ||
    change.namespaces.added.length + change.namespaces.removed.length + change.nodes.added.length + change.nodes.removed.length > 0 ||
    change.clusters !== undefined ||
    change.labels.length + change.alerts.length > 0;
  return changed ? change : undefined;
}

function compareAlerts(old: ManifestData['defaults'], current: ManifestData['defaults']): AlertChange[] {
  const keys = [...new Set([...Object.keys(old), ...Object.keys(current)])];
  return keys
    .map((key) => ({ alert: alertName(key), settings: alertSettingChanges(old[key], current[key]) }))
    .filter((change) => change.settings.length > 0);
}

/** containerMemoryNearLimit → ContainerMemoryNearLimit, the name the alert fires with. */
export function alertName(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}
