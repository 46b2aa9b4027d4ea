// What a reviewer must not miss, shown above the summary: an alert gone, a namespace changing hands or left
// without an owner, a threshold or `for` so high that the alert comes too late to act on.
import { durationMs, isDuration } from '../config/duration.ts';
import { patternCovers } from '../config/name-pattern.ts';
import { ClaimIndex } from './claim-index.ts';
import { alertName } from './compare-settings.ts';
import type { ManifestData, ManifestOwnerData } from './read-manifest.ts';
import type { Warning } from './report.ts';
import { renameMaps, type TeamRenamed } from './team-renames.ts';
import { ownerName, percent } from './wording.ts';

/** A threshold above this leaves too little headroom to act before the OOM kill. */
export const HIGH_THRESHOLD = 0.95;
/** A `for` above this delays the alert past the point where it helps. */
export const LONG_FOR = '30m';

export interface WarningInput {
  /** Settings manifests; undefined when a tree has none (ownership and settings warnings are skipped). */
  old: ManifestData | undefined;
  current: ManifestData | undefined;
  /** Alert names the rules of each tree emit. */
  oldAlerts: readonly string[];
  newAlerts: readonly string[];
  /** Teams renamed (same claims, new name): compared with their old selves, their claims not read as lost. */
  renames?: readonly TeamRenamed[];
}

export function reviewWarnings(input: WarningInput): Warning[] {
  const { old, current } = input;
  const removedAlerts = [...new Set(input.oldAlerts)]
    .filter((alert) => !input.newAlerts.includes(alert))
    .sort()
    .map((alert): Warning => ({ kind: 'alert-removed', message: `alert ${alert} removed: no rule fires it any more` }));
  if (!old || !current) return removedAlerts;
  const names = renameMaps(input.renames ?? []);
  return [
    ...removedAlerts,
    ...turnedOff(old, current, names.oldName),
    ...fleetWarnings(old, current),
    ...ownershipWarnings(old, current, 'namespaces', names.newName),
    ...ownershipWarnings(old, current, 'nodes', names.newName),
    ...clusterScopeWarnings(old, current, names.oldName),
    ...lateAlerts(old, current, names.oldName),
  ];
}

/** A new cluster label or ownership mode changes who gets every alert, or every alert's identity. */
function fleetWarnings(old: ManifestData, current: ManifestData): Warning[] {
  const warnings: Warning[] = [];
  if (old.global.clusterLabel !== current.global.clusterLabel) {
    warnings.push({
      kind: 'identity-changed',
      message: `cluster label ${String(old.global.clusterLabel ?? '(none)')} → ${String(current.global.clusterLabel ?? '(none)')}: every alert's labels change, so alerts firing now resolve and fire again; check routes and silences that match on labels`,
    });
  }
  if (old.global.ownership !== current.global.ownership) {
    warnings.push({
      kind: 'ownership-mode',
      message: `namespace ownership: ${String(old.global.ownership ?? '(unknown)')} → ${String(current.global.ownership ?? '(unknown)')}: namespaces change owner wherever the label decides; see the overview dashboard for labels naming no team`,
    });
  }
  return warnings;
}

/** A team that narrows the clusters its claims hold in gives up its namespaces in the others. */
function clusterScopeWarnings(old: ManifestData, current: ManifestData, oldName: RenameMap): Warning[] {
  return Object.entries(current.teams).flatMap(([team, owner]): Warning[] => {
    const before = old.teams[oldName.get(team) ?? team]?.clusters;
    if (!before || owner.namespaces.length + owner.nodes.length === 0) return [];
    const narrowed = owner.clusters.length > 0 && (before.length === 0 || before.some((pattern) => !owner.clusters.some((kept) => patternCovers(kept, pattern))));
    if (!narrowed) return [];
    return [
      {
        kind: 'namespace-lost',
        message: `team ${team} now owns its namespaces and nodes only in clusters ${owner.clusters.join(', ')}: elsewhere they go to their namespace label's team or to team ${current.defaultTeam} with the default settings`,
      },
    ];
  });
}

type OwnerPair = { name: string; old: ManifestOwnerData | undefined; current: ManifestOwnerData };
/** New name → old name of renamed teams, or the reverse. */
type RenameMap = ReadonlyMap<string, string>;

/** Every owner of the new tree with its old self (undefined for a new team; the old name's for a renamed one). */
function ownerPairs(old: ManifestData, current: ManifestData, oldName: RenameMap): OwnerPair[] {
  return [
    ...Object.entries(current.teams).map(([team, owner]) => ({
      name: ownerName(team, current.defaultTeam),
      old: old.teams[oldName.get(team) ?? team],
      current: owner,
    })),
    { name: ownerName(undefined, current.defaultTeam), old: old.unclaimed, current: current.unclaimed },
  ];
}

function turnedOff(old: ManifestData, current: ManifestData, oldName: RenameMap): Warning[] {
  return ownerPairs(old, current, oldName).flatMap(({ name, old: was, current: is }) =>
    Object.entries(is.alerts)
      .filter(([key, settings]) => was?.alerts[key]?.enabled === true && settings.enabled === false)
      .map(([key]): Warning => ({ kind: 'alert-removed', message: `${name}: ${alertName(key)} turned off` })),
  );
}

function lateAlerts(old: ManifestData, current: ManifestData, oldName: RenameMap): Warning[] {
  const longFor = durationMs(LONG_FOR);
  return ownerPairs(old, current, oldName).flatMap(({ name, old: was, current: is }) =>
    Object.entries(is.alerts).flatMap(([key, settings]): Warning[] => {
      if (settings.enabled === false) return [];
      const before = was?.alerts[key];
      const warnings: Warning[] = [];
      const { threshold } = settings;
      const oldThreshold = before?.threshold;
      if (typeof threshold === 'number' && threshold > HIGH_THRESHOLD && !(typeof oldThreshold === 'number' && oldThreshold >= threshold)) {
        const how = typeof oldThreshold === 'number' ? `raised from ${percent(oldThreshold)} to` : 'is';
        warnings.push({
          kind: 'threshold-high',
          message: `${name}: ${alertName(key)} threshold ${how} ${percent(threshold)}, above ${percent(HIGH_THRESHOLD)}: little headroom is left to act before the OOM kill`,
        });
      }
      const forValue = settings.for;
      const oldFor = before?.for;
      // info alerts are reports for a ticket queue (risk reports wait 1h by default): a long `for` is their point.
      if (settings.severity !== 'info' && typeof forValue === 'string' && isDuration(forValue) && durationMs(forValue) > longFor) {
        const oldMs = typeof oldFor === 'string' && isDuration(oldFor) ? durationMs(oldFor) : undefined;
        if (oldMs === undefined || oldMs < durationMs(forValue)) {
          const how = oldMs === undefined ? 'is' : `raised from ${String(oldFor)} to`;
          warnings.push({ kind: 'for-long', message: `${name}: ${alertName(key)} for ${how} ${forValue}, above ${LONG_FOR}: the alert fires that long after the condition starts` });
        }
      }
      return warnings;
    }),
  );
}

/** A pattern a team no longer lists: who holds it now, if anyone. */
function ownershipWarnings(old: ManifestData, current: ManifestData, field: 'namespaces' | 'nodes', newName: RenameMap): Warning[] {
  const word = field === 'namespaces' ? 'namespace' : 'node';
  const claims = new ClaimIndex(Object.entries(current.teams).map(([team, owner]) => [team, owner[field]] as const));
  return Object.entries(old.teams).flatMap(([team, owner]) => {
    const kept = new ClaimIndex([[team, current.teams[newName.get(team) ?? team]?.[field] ?? []]]);
    return owner[field]
      .filter((pattern) => !kept.covers(pattern))
      .map((pattern): Warning => {
        const what = /[*?]/.test(pattern) ? `${field} matching ${pattern}` : `${word} ${pattern}`;
        const heir = claims.coverer(pattern);
        if (heir !== undefined) return { kind: 'namespace-lost', message: `team ${team} no longer owns ${what}: team ${heir} does now` };
        const still = claims.overlapping(pattern).map((claim) => `${claim.pattern} (team ${claim.team})`);
        if (still.length > 0) {
          return {
            kind: 'namespace-unowned',
            message: `team ${team} no longer owns ${what}: only ${still.join(', ')} still claimed, the others go to team ${current.defaultTeam} with the default settings`,
          };
        }
        return {
          kind: 'namespace-unowned',
          message: `team ${team} no longer owns ${what}, and no other team does: its alerts go to team ${current.defaultTeam} with the default settings`,
        };
      });
  });
}
