// A namespace or node changing owner, and what that changes for its alerts: the settings that now apply (the new
// owner's severity, thresholds, `for`, windows) and how they are routed (the `team` label, the team's labels such as
// slack_channel, and the Alertmanager receivers when the config routes). Found by comparing claims, pattern by
// pattern, in both directions: claims a team gave up, and claims a team took (from another team or from nobody).
import { NODE_ALERTS } from '../config/schema.ts';
import { ClaimIndex } from './claim-index.ts';
import { alertName } from './compare-settings.ts';
import type { ManifestData } from './read-manifest.ts';
import type { AlertChange, ValueChange } from './report.ts';
import { renameMaps, type TeamRenamed } from './team-renames.ts';
import { teamReceivers } from './team-receivers.ts';
import { valueChanges } from './value-changes.ts';
import { byCodePoint } from '../ordering.ts';

const NODE_ALERT_KEYS: ReadonlySet<string> = new Set(NODE_ALERTS);

export interface OwnerMoved {
  kind: 'namespace-moved' | 'node-moved';
  /** The name or glob as claimed. */
  pattern: string;
  /** Claims within the pattern that do not move with it (held elsewhere); empty: all of it moves. */
  except: string[];
  /** `team` label value before and after. */
  from: string;
  to: string;
  /** True where the side is nobody's claim, so the default team's label and the unclaimed settings apply. */
  fromUnclaimed: boolean;
  toUnclaimed: boolean;
  /** Settings of the alerts that apply here (node alerts for nodes, the others for namespaces) that differ, old → new. */
  changes: AlertChange[];
  /** Severity of each alert that applies, after the move ("off" for an alert turned off), keyed by alert name. */
  severities: Record<string, string>;
  /** Alert labels that route: `team` and the owner's labels, old → new (only those that differ). */
  labels: ValueChange[];
  /** receiver and ticketReceiver as routing resolves them, old → new; empty when the config routes nowhere. */
  receivers: ValueChange[];
}

type Field = 'namespaces' | 'nodes';

interface Side {
  team: string;
  unclaimed: boolean;
  labels: Record<string, unknown>;
  alerts: Record<string, Record<string, unknown>>;
  receivers: Record<string, unknown>;
}

export function findMoves(old: ManifestData, current: ManifestData, renames: readonly TeamRenamed[]): OwnerMoved[] {
  return [...movesOf(old, current, 'namespaces', renames), ...movesOf(old, current, 'nodes', renames)];
}

function movesOf(old: ManifestData, current: ManifestData, field: Field, renames: readonly TeamRenamed[]): OwnerMoved[] {
  const { newName, oldName } = renameMaps(renames);
  const before = claimIndex(old, field);
  const after = claimIndex(current, field);
  const moves: OwnerMoved[] = [];
  /** Patterns already said to move, by "from → to" of teams: a claim taken is not told twice. */
  const told = new Map<string, string[]>();
  const push = (pattern: string, except: string[], from: Side, to: Side) => {
    moves.push(moved(field, pattern, except, from, to));
    if (from.unclaimed || to.unclaimed) return;
    const key = `${from.team} → ${to.team}`;
    told.set(key, told.get(key) ?? []).get(key)!.push(pattern);
  };
  // Claims a team gave up: to the team that covers them now, else to nobody (the default team).
  for (const [team, owner] of Object.entries(old.teams)) {
    const kept = new ClaimIndex([[team, current.teams[newName.get(team) ?? team]?.[field] ?? []]]);
    for (const pattern of owner[field]) {
      if (kept.covers(pattern)) continue;
      const heir = after.coverer(pattern);
      if (heir !== undefined) push(pattern, [], teamSide(old, team), teamSide(current, heir));
      else push(pattern, patternsOf(after.overlapping(pattern)), teamSide(old, team), unclaimedSide(current));
    }
  }
  // Claims a team took: from the team that covered them before (unless told above), else from nobody.
  const toldIndex = new Map([...told].map(([key, patterns]) => [key, new ClaimIndex([['', patterns]])]));
  for (const [team, owner] of Object.entries(current.teams)) {
    const held = new ClaimIndex([[team, old.teams[oldName.get(team) ?? team]?.[field] ?? []]]);
    for (const pattern of owner[field]) {
      if (held.covers(pattern)) continue;
      const giver = before.coverer(pattern);
      if (giver === undefined) {
        push(pattern, patternsOf(before.overlapping(pattern)), unclaimedSide(old), teamSide(current, team));
        continue;
      }
      if (!toldIndex.get(`${giver} → ${team}`)?.covers(pattern)) push(pattern, [], teamSide(old, giver), teamSide(current, team));
    }
  }
  return moves.sort((a, b) => byCodePoint(a.pattern, b.pattern) || byCodePoint(a.from, b.from));
}

function claimIndex(manifest: ManifestData, field: Field): ClaimIndex {
  return new ClaimIndex(Object.entries(manifest.teams).map(([team, owner]) => [team, owner[field]] as const));
}

function patternsOf(claims: { pattern: string }[]): string[] {
  return claims.map((claim) => claim.pattern).sort(byCodePoint);
}

function moved(field: Field, pattern: string, except: string[], from: Side, to: Side): OwnerMoved {
  const applies = (key: string) => NODE_ALERT_KEYS.has(key) === (field === 'nodes');
  const keys = [...new Set([...Object.keys(from.alerts), ...Object.keys(to.alerts)])].filter(applies);
  const changes = keys
    .map((key) => ({ alert: alertName(key), settings: valueChanges(from.alerts[key], to.alerts[key]) }))
    .filter((change) => change.settings.length > 0);
  const severities = Object.fromEntries(
    Object.entries(to.alerts)
      .filter(([key]) => applies(key))
      .map(([key, settings]) => [alertName(key), settings.enabled === false ? 'off' : String(settings.severity ?? '(none)')]),
  );
  return {
    kind: field === 'nodes' ? 'node-moved' : 'namespace-moved',
    pattern,
    except,
    from: from.team,
    to: to.team,
    fromUnclaimed: from.unclaimed,
    toUnclaimed: to.unclaimed,
    changes,
    severities,
    labels: valueChanges({ team: from.team, ...from.labels }, { team: to.team, ...to.labels }),
    receivers: valueChanges(from.receivers, to.receivers),
  };
}

function teamSide(manifest: ManifestData, team: string): Side {
  const owner = manifest.teams[team]!;
  return { team, unclaimed: false, labels: owner.labels, alerts: owner.alerts, receivers: teamReceivers(manifest, team) };
}

function unclaimedSide(manifest: ManifestData): Side {
  const { labels, alerts } = manifest.unclaimed;
  return { team: manifest.defaultTeam, unclaimed: true, labels, alerts, receivers: teamReceivers(manifest, manifest.defaultTeam) };
}
