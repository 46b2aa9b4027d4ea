// A team renamed, told apart from a team removed and another added. The rule: a team gone from the new tree and a
// team new in it whose claims are the same set (namespaces, nodes and the clusters they hold in, at least one
// claim) is one team renamed. The manifest knows teams by name only, not by file, so a team whose name and claims
// change in one commit reads as a removal plus an addition, with each namespace's move spelled out.
import type { ManifestData, ManifestOwnerData } from './read-manifest.ts';
import type { ValueChange } from './report.ts';
import { teamReceivers } from './team-receivers.ts';
import { valueChanges } from './value-changes.ts';
import { byCodePoint } from '../values/ordering.ts';

export interface TeamRenamed {
  kind: 'team-renamed';
  from: string;
  to: string;
  /** The claims both names hold: what makes it a rename. */
  namespaces: string[];
  nodes: string[];
  /** Clusters the claims hold in; empty: every cluster. */
  clusters: string[];
  /** receiver and ticketReceiver of the team's route, old → new (only those that differ; empty without routing). */
  receivers: ValueChange[];
}

export function findRenames(old: ManifestData, current: ManifestData): TeamRenamed[] {
  const gone = Object.keys(old.teams)
    .filter((team) => current.teams[team] === undefined)
    .sort(byCodePoint);
  const arrived = Object.keys(current.teams)
    .filter((team) => old.teams[team] === undefined)
    .sort(byCodePoint);
  const renames: TeamRenamed[] = [];
  for (const from of gone) {
    const claims = claimKey(old.teams[from]!);
    if (claims === undefined) continue;
    // Ownership checks forbid two teams claiming the same name, so at most one new team has these claims.
    const to = arrived.find(
      (team) => claimKey(current.teams[team]!) === claims && !renames.some((rename) => rename.to === team),
    );
    if (to === undefined) continue;
    const { namespaces, nodes, clusters } = old.teams[from]!;
    const receivers = valueChanges(teamReceivers(old, from), teamReceivers(current, to));
    renames.push({
      kind: 'team-renamed',
      from,
      to,
      namespaces: sorted(namespaces),
      nodes: sorted(nodes),
      clusters: sorted(clusters),
      receivers,
    });
  }
  return renames;
}

/** The new name of each renamed team, keyed by its old name, and the reverse. */
export function renameMaps(renames: readonly TeamRenamed[]): {
  newName: Map<string, string>;
  oldName: Map<string, string>;
} {
  return { newName: new Map(renames.map((r) => [r.from, r.to])), oldName: new Map(renames.map((r) => [r.to, r.from])) };
}

/** The claims as one comparable text; undefined for a team that claims nothing (nothing identifies it). */
function claimKey(owner: ManifestOwnerData): string | undefined {
  if (owner.namespaces.length + owner.nodes.length === 0) return undefined;
  return JSON.stringify([sorted(owner.namespaces), sorted(owner.nodes), sorted(owner.clusters)]);
}

function sorted(list: readonly string[]): string[] {
  return [...new Set(list)].sort(byCodePoint);
}
