// A namespace or node changing owner, and what that changes for its alerts: the settings that now apply (the new
// owner's severity, thresholds, `for`, windows) and how they are routed (the `team` label, the team's labels such as
// slack_channel, and the Alertmanager receivers when the config routes). Read from the claims that changed hands
// (claim-changes.ts): one move per region and owner, in the clusters where it happens.
import { ALERTS } from '../alerts/catalogue.ts';
import { type ClaimChange, type ClaimField, claimChanges } from './claim-changes.ts';
import { ClaimIndex } from './claim-index.ts';
import { isEveryCluster, type Scope, scopesOverlap } from './cluster-scope.ts';
import { alertName } from './alert-names.ts';
import { fallbackOf } from './fallback.ts';
import type { ManifestData } from './read-manifest.ts';
import type { AlertChange, ValueChange } from './report.ts';
import type { TeamRenamed } from './team-renames.ts';
import { teamReceivers } from './team-receivers.ts';
import { alertSettingChanges, valueChanges } from './value-changes.ts';
import { byCodePoint } from '../values/ordering.ts';

const NODE_ALERT_KEYS: ReadonlySet<string> = new Set(
  ALERTS.filter((alert) => alert.subject === 'nodes').map((alert) => alert.key),
);

export interface OwnerMoved {
  kind: 'namespace-moved' | 'node-moved';
  /** The name or glob as claimed. */
  pattern: string;
  /** Claims within the pattern that do not move with it (held elsewhere); empty: all of it moves. */
  except: string[];
  /** Clusters where the move happens (cluster patterns); empty: every cluster. */
  clusters: string[];
  /** Clusters among those where it does not (the names stay with their team, or move in a move of their own). */
  exceptClusters: string[];
  /** `team` label value before and after. */
  from: string;
  to: string;
  /** True where the side is nobody's claim, so the default team's label and the unclaimed settings apply. */
  fromUnclaimed: boolean;
  toUnclaimed: boolean;
  /**
   * Under namespace-label ownership, the label (label_team) that decides an unclaimed side first: there the namespace
   * goes to the team the label names, and to the default team (`from`/`to`, whose settings `changes` shows) only where
   * the label names no team in scope. Absent with team files only, and for nodes.
   */
  namespaceLabel?: string;
  /**
   * Settings of the alerts that apply here (node alerts for nodes, the others for namespaces) that differ, old → new.
   */
  changes: AlertChange[];
  /** Severity of each alert that applies, after the move ("off" for an alert turned off), keyed by alert name. */
  severities: Record<string, string>;
  /** Alert labels that route: `team` and the owner's labels, old → new (only those that differ). */
  labels: ValueChange[];
  /** receiver and ticketReceiver as routing resolves them, old → new; empty when the config routes nowhere. */
  receivers: ValueChange[];
}

interface Side {
  team: string;
  unclaimed: boolean;
  /** Set on an unclaimed side where a namespace label decides first. */
  label?: string;
  labels: Record<string, unknown>;
  alerts: Record<string, Record<string, unknown>>;
  receivers: Record<string, unknown>;
}

export function findMoves(old: ManifestData, current: ManifestData, renames: readonly TeamRenamed[]): OwnerMoved[] {
  return [...movesOf(old, current, 'namespaces', renames), ...movesOf(old, current, 'nodes', renames)];
}

function movesOf(
  old: ManifestData,
  current: ManifestData,
  field: ClaimField,
  renames: readonly TeamRenamed[],
): OwnerMoved[] {
  const changes = claimChanges(old, current, field, renames);
  const moves: OwnerMoved[] = [];
  /** Patterns already said to move, by "from → to" of teams: a claim taken is not told twice. */
  const told = new Map<string, string[]>();
  for (const change of changes.filter((c) => c.direction === 'given-up')) {
    for (const holder of change.other.holders) {
      moves.push(
        moved(
          field,
          change,
          [],
          holder.clusters,
          change.region.exceptClusters,
          teamSide(old, change.team),
          teamSide(current, holder.team),
        ),
      );
      const key = `${change.team} → ${holder.team}`;
      told.set(key, [...(told.get(key) ?? []), change.region.pattern]);
    }
    if (change.other.rest)
      moves.push(restMove(field, change, teamSide(old, change.team), fallbackSide(current, field)));
  }
  const toldIndex = new Map([...told].map(([key, patterns]) => [key, new ClaimIndex([['', patterns]])]));
  for (const change of changes.filter((c) => c.direction === 'taken')) {
    for (const holder of change.other.holders) {
      if (toldIndex.get(`${holder.team} → ${change.team}`)?.covers(change.region.pattern)) continue;
      moves.push(
        moved(
          field,
          change,
          [],
          holder.clusters,
          change.region.exceptClusters,
          teamSide(old, holder.team),
          teamSide(current, change.team),
        ),
      );
    }
    if (change.other.rest)
      moves.push(restMove(field, change, fallbackSide(old, field), teamSide(current, change.team)));
  }
  return moves.sort(
    (a, b) => byCodePoint(a.pattern, b.pattern) || byCodePoint(a.from, b.from) || byCodePoint(a.to, b.to),
  );
}

/** The part of a region no claim holds on the other side: it goes to (or came from) the fallback. */
function restMove(field: ClaimField, change: ClaimChange, from: Side, to: Side): OwnerMoved {
  const { region, other } = change;
  const elsewhere = other.holders.flatMap((holder) => holder.clusters);
  return moved(
    field,
    change,
    other.except.map((claim) => claim.pattern),
    region.clusters,
    [...region.exceptClusters, ...elsewhere],
    from,
    to,
  );
}

function moved(
  field: ClaimField,
  change: ClaimChange,
  except: string[],
  clusters: Scope,
  exceptClusters: Scope,
  from: Side,
  to: Side,
): OwnerMoved {
  const applies = (key: string) => NODE_ALERT_KEYS.has(key) === (field === 'nodes');
  const keys = [...new Set([...Object.keys(from.alerts), ...Object.keys(to.alerts)])].filter(applies);
  const changes = keys
    .map((key) => ({ alert: alertName(key), settings: alertSettingChanges(from.alerts[key], to.alerts[key]) }))
    .filter((alert) => alert.settings.length > 0);
  const severities = Object.fromEntries(
    Object.entries(to.alerts)
      .filter(([key]) => applies(key))
      .map(([key, settings]) => [
        alertName(key),
        settings.enabled === false ? 'off' : String(settings.severity ?? '(none)'),
      ]),
  );
  const label = from.label ?? to.label;
  return {
    kind: field === 'nodes' ? 'node-moved' : 'namespace-moved',
    pattern: change.region.pattern,
    except,
    clusters: listed(clusters),
    // Only clusters that share some with `clusters`: "in dev-* other than prod-*" would say nothing.
    exceptClusters: [...new Set(exceptClusters)].filter((cluster) => scopesOverlap([cluster], clusters)),
    from: from.team,
    to: to.team,
    fromUnclaimed: from.unclaimed,
    toUnclaimed: to.unclaimed,
    ...(label !== undefined ? { namespaceLabel: label } : {}),
    changes,
    severities,
    labels: valueChanges({ team: from.team, ...from.labels }, { team: to.team, ...to.labels }),
    receivers: valueChanges(from.receivers, to.receivers),
  };
}

/** A scope as team files write it: empty for every cluster. */
function listed(scope: Scope): string[] {
  return isEveryCluster(scope) ? [] : [...scope];
}

function teamSide(manifest: ManifestData, team: string): Side {
  const owner = manifest.teams[team]!;
  return {
    team,
    unclaimed: false,
    labels: owner.labels,
    alerts: owner.alerts,
    receivers: teamReceivers(manifest, team),
  };
}

function fallbackSide(manifest: ManifestData, field: ClaimField): Side {
  const { labels, alerts } = manifest.unclaimed;
  const { label } = fallbackOf(manifest, field);
  return {
    team: manifest.defaultTeam,
    unclaimed: true,
    ...(label !== undefined ? { label } : {}),
    labels,
    alerts,
    receivers: teamReceivers(manifest, manifest.defaultTeam),
  };
}
