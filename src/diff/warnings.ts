// What a reviewer must not miss, shown above the summary: an alert gone, a namespace changing hands or left
// without an owner, a threshold or `for` so high that the alert comes too late to act on.
import { durationMs, isDuration } from '../values/duration.ts';
import { type ClaimChange, claimChanges } from './claim-changes.ts';
import { clustersText } from './describe-moves.ts';
import { isEveryCluster, type Scope, scopeCovers, scopeOf } from './cluster-scope.ts';
import { alertName } from './alert-names.ts';
import { fallbackOf, fallbackText, namespaceOwnerLabel } from './fallback.ts';
import type { ManifestData, ManifestOwnerData } from './read-manifest.ts';
import type { Warning } from './report.ts';
import { renameMaps, type TeamRenamed } from './team-renames.ts';
import { percent } from '../values/percent.ts';
import { ownerName } from './wording.ts';

/** A threshold above this leaves too little headroom to act before the OOM kill. */
const HIGH_THRESHOLD = 0.95;
/** A `for` above this delays the alert past the point where it helps. */
const LONG_FOR = '30m';

interface WarningInput {
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
  const heldBack = current?.notGenerated ?? {};
  const removedAlerts = [...new Set(input.oldAlerts)]
    .filter((alert) => !input.newAlerts.includes(alert))
    .sort()
    .map(
      (alert): Warning => ({
        kind: 'alert-removed',
        message:
          heldBack[alert] === undefined
            ? `alert ${alert} removed: no rule fires it any more`
            : `alert ${alert} removed: not generated, for any team, as it needs ${heldBack[alert].join(', ')}, ` +
              'declared absent (inputs.absent)',
      }),
    );
  if (!old || !current) return removedAlerts;
  const renames = input.renames ?? [];
  const names = renameMaps(renames);
  const changes = {
    namespaces: claimChanges(old, current, 'namespaces', renames),
    nodes: claimChanges(old, current, 'nodes', renames),
  };
  return [
    ...removedAlerts,
    ...turnedOff(old, current, names.oldName),
    ...fleetWarnings(old, current),
    ...ownershipWarnings(current, changes.namespaces),
    ...ownershipWarnings(current, changes.nodes),
    ...clusterScopeWarnings(old, current, [...changes.namespaces, ...changes.nodes], names.oldName),
    ...labelOwnerWarnings(old, current, names),
    ...lateAlerts(old, current, names.oldName),
  ];
}

/** The change that introduces headroom: settings that make alerts come too late, as for a team added. */
export function introductionWarnings(current: ManifestData): Warning[] {
  const nothing = { namespaces: [], nodes: [], clusters: [], labels: {}, alerts: {} };
  return lateAlerts({ ...current, teams: {}, unclaimed: nothing }, current, new Map());
}

/** A new cluster label or ownership mode changes who gets every alert, or every alert's identity. */
function fleetWarnings(old: ManifestData, current: ManifestData): Warning[] {
  const warnings: Warning[] = [];
  if (old.global.clusterLabel !== current.global.clusterLabel) {
    warnings.push({
      kind: 'identity-changed',
      message:
        `cluster label ${String(old.global.clusterLabel ?? '(none)')} → ` +
        `${String(current.global.clusterLabel ?? '(none)')}: every alert's labels change, so alerts firing now ` +
        `resolve and fire again; check routes and silences that match on labels`,
    });
  }
  if (old.global.ownership !== current.global.ownership) {
    warnings.push({
      kind: 'ownership-mode',
      message:
        `namespace ownership: ${String(old.global.ownership ?? '(unknown)')} → ` +
        `${String(current.global.ownership ?? '(unknown)')}: namespaces change owner wherever the label decides; see ` +
        `the overview dashboard for labels naming no team`,
    });
  }
  return warnings;
}

/**
 * A team that narrows the clusters its claims hold in gives up its namespaces and nodes in the others (under label
 * ownership, the namespaces its label names there too): to the teams that claim them there, else to the fallback.
 */
function clusterScopeWarnings(
  old: ManifestData,
  current: ManifestData,
  changes: ClaimChange[],
  oldName: RenameMap,
): Warning[] {
  const label = namespaceOwnerLabel(current);
  return Object.entries(current.teams).flatMap(([team, owner]): Warning[] => {
    const before = old.teams[oldName.get(team) ?? team];
    if (!before || scopeCovers(scopeOf(owner.clusters), scopeOf(before.clusters))) return [];
    const fields = (['namespaces', 'nodes'] as const).filter(
      (field) => owner[field].length > 0 || (field === 'namespaces' && label !== undefined),
    );
    if (fields.length === 0) return [];
    const owned = [
      ...(owner.namespaces.length > 0 ? ['namespaces'] : []),
      ...(owner.nodes.length > 0 ? ['nodes'] : []),
      ...(label !== undefined
        ? [`${owner.namespaces.length > 0 ? 'the ' : ''}namespaces its ${label} label names`]
        : []),
    ];
    const destinations = fields.map((field) => {
      const lost = changes.filter(
        (change) =>
          change.field === field &&
          change.direction === 'given-up' &&
          change.team === (oldName.get(team) ?? team) &&
          !change.dropped,
      );
      const takers = [
        ...new Set(lost.flatMap((change) => change.other.holders.map((holder) => `team ${holder.team}`))),
      ].sort();
      // Outside its clusters the team is in scope nowhere, even where a label names it.
      const fallback = fallbackText(fallbackOf(current, field));
      return { field, to: takers.length > 0 ? `${takers.join(', ')} where claimed there, else ${fallback}` : fallback };
    });
    const alike = destinations.every((destination) => destination.to === destinations[0]!.to);
    const elsewhere = alike
      ? `they go to ${destinations[0]!.to}`
      : destinations.map(({ field, to }) => `its ${field} go to ${to}`).join('; ');
    return [
      {
        kind: 'namespace-lost',
        message:
          `team ${team} now owns its ${owned.join(' and ')} only in clusters ${owner.clusters.join(', ')}: ` +
          `elsewhere ${elsewhere}`,
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

/** An owner's alert turned off; one inputs.absent holds back is told once, as removed (see removedAlerts). */
function turnedOff(old: ManifestData, current: ManifestData, oldName: RenameMap): Warning[] {
  const heldBack = current.notGenerated ?? {};
  return ownerPairs(old, current, oldName).flatMap(({ name, old: was, current: is }) =>
    Object.entries(is.alerts)
      .filter(([key, settings]) => was?.alerts[key]?.enabled === true && settings.enabled === false)
      .filter(([key]) => heldBack[alertName(key)] === undefined)
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
      if (
        typeof threshold === 'number' &&
        threshold > HIGH_THRESHOLD &&
        !(typeof oldThreshold === 'number' && oldThreshold >= threshold)
      ) {
        const how = typeof oldThreshold === 'number' ? `raised from ${percent(oldThreshold)} to` : 'is';
        warnings.push({
          kind: 'threshold-high',
          message:
            `${name}: ${alertName(key)} threshold ${how} ${percent(threshold)}, above ` +
            `${percent(HIGH_THRESHOLD)}: little headroom is left to act before the OOM kill`,
        });
      }
      const forValue = settings.for;
      const oldFor = before?.for;
      // info alerts are reports for a ticket queue (risk reports wait 1h by default): a long `for` is their point.
      if (
        settings.severity !== 'info' &&
        typeof forValue === 'string' &&
        isDuration(forValue) &&
        durationMs(forValue) > longFor
      ) {
        const oldMs = typeof oldFor === 'string' && isDuration(oldFor) ? durationMs(oldFor) : undefined;
        if (oldMs === undefined || oldMs < durationMs(forValue)) {
          const how = oldMs === undefined ? 'is' : `raised from ${String(oldFor)} to`;
          warnings.push({
            kind: 'for-long',
            message:
              `${name}: ${alertName(key)} for ${how} ${forValue}, above ${LONG_FOR}: the alert fires that ` +
              `long after the condition starts`,
          });
        }
      }
      return warnings;
    }),
  );
}

/** A pattern a team no longer lists: who holds it now, in which clusters, and where the fallback decides. */
function ownershipWarnings(current: ManifestData, changes: ClaimChange[]): Warning[] {
  return changes
    .filter((change) => change.direction === 'given-up' && change.dropped)
    .map((change): Warning => {
      const { field, team, region, other } = change;
      const word = field === 'namespaces' ? 'namespace' : 'node';
      const names = /[*?]/.test(region.pattern) ? `${field} matching ${region.pattern}` : `${word} ${region.pattern}`;
      const what = `${names}${clustersText(listed(region.clusters), [])}`;
      // "(team payments where it names payments)" only where the team's file still holds.
      const stays =
        current.teams[team] !== undefined && scopeCovers(scopeOf(current.teams[team]!.clusters), region.clusters)
          ? team
          : undefined;
      const fallback = fallbackText(fallbackOf(current, field), field === 'namespaces' ? stays : undefined);
      const whole = other.holders.length === 1 && !other.rest;
      if (whole)
        return {
          kind: 'namespace-lost',
          message: `team ${team} no longer owns ${what}: team ${other.holders[0]!.team} does now`,
        };
      const held = other.holders.map((holder) => `team ${holder.team}${clustersText(listed(holder.clusters), [])}`);
      if (held.length > 0) {
        return {
          kind: 'namespace-unowned',
          message:
            `team ${team} no longer owns ${what}: now held by ${held.join(' and ')}; elsewhere its alerts go ` +
            `to ${fallback}`,
        };
      }
      const still = other.except.map(
        (claim) => `${claim.pattern} (team ${claim.team}${clustersText(listed(claim.clusters), [])})`,
      );
      if (still.length > 0) {
        return {
          kind: 'namespace-unowned',
          message:
            `team ${team} no longer owns ${what}: only ${still.join(', ')} still claimed, the others go to ` +
            `${fallback}`,
        };
      }
      const nobody =
        fallbackOf(current, field).label === undefined ? 'no other team does' : 'no other team file claims it';
      return {
        kind: 'namespace-unowned',
        message: `team ${team} no longer owns ${what}, and ${nobody}: its alerts go to ${fallback}`,
      };
    });
}

/**
 * Under namespace-label ownership a team file decides for every namespace labelled with its name, claimed or not: a
 * team removed leaves those to the default team, a team added takes them from it.
 */
function labelOwnerWarnings(
  old: ManifestData,
  current: ManifestData,
  names: { newName: RenameMap; oldName: RenameMap },
): Warning[] {
  const label = namespaceOwnerLabel(current);
  if (label === undefined || namespaceOwnerLabel(old) !== label) return [];
  const removed = Object.keys(old.teams).filter(
    (team) => current.teams[team] === undefined && !names.newName.has(team),
  );
  const added = Object.keys(current.teams).filter((team) => old.teams[team] === undefined && !names.oldName.has(team));
  return [
    ...removed.map(
      (team): Warning => ({
        kind: 'label-owner',
        message:
          `team ${team} removed: namespaces whose ${label} label names "${team}" (and that no team file ` +
          `claims) go to team ${current.defaultTeam} with the default settings`,
      }),
    ),
    ...added.map(
      (team): Warning => ({
        kind: 'label-owner',
        message:
          `team ${team} added: namespaces whose ${label} label names "${team}" (and that no team file claims) ` +
          `go to team ${team}${clustersText(current.teams[team]!.clusters, [])} instead of team ${current.defaultTeam}`,
      }),
    ),
  ];
}

function listed(scope: Scope): string[] {
  return isEveryCluster(scope) ? [] : [...scope];
}
