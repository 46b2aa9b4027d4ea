// Claims changing hands, by the ownership rule: in each cluster, a namespace (or node) belongs to the team whose
// file claims it there (a pattern matches and the cluster is in the team's `clusters`, none meaning every cluster);
// else, for namespaces under `ownership.namespaceLabel`, to the team its label names where that team has a file
// holding in the cluster; else to the default team. The settings manifest holds the claims but no label values, so
// where no claim decides, the change says "the fallback": the label's team or the default team (see fallback.ts).
//
// Found claim by claim in both directions: what a team gave up (a pattern none of its claims covers now, or clusters
// it no longer holds a pattern in) and who holds that now; what a team took, and who held it before.
import { patternCovers } from '../values/name-pattern.ts';
import { ClaimIndex, type Claim } from './claim-index.ts';
import { type Scope, scopeCovers, scopeOf, scopesOverlap } from './cluster-scope.ts';
import type { ManifestData } from './read-manifest.ts';
import { renameMaps, type TeamRenamed } from './team-renames.ts';
import { byCodePoint } from '../values/ordering.ts';

export type ClaimField = 'namespaces' | 'nodes';

/** A claim's names in some clusters. */
export interface Region {
  pattern: string;
  clusters: Scope;
  /** Clusters among those where nothing changes (the team holds the pattern there before and after); may be empty. */
  exceptClusters: Scope;
}

export interface Holding {
  /** Teams whose claims cover every name of the pattern in (part of) the region, with where in it they hold. */
  holders: { team: string; clusters: Scope }[];
  /** Whether no claim covers some of the region: there the fallback decides. */
  rest: boolean;
  /** Narrower claims inside the pattern where the fallback decides: those names keep their claim. */
  except: Claim[];
}

export interface ClaimChange {
  field: ClaimField;
  /** given-up: `team` held the region before and does not now; taken: the reverse. */
  direction: 'given-up' | 'taken';
  /** The team, named as in the tree where it holds the region (a renamed team: the old name when given up). */
  team: string;
  region: Region;
  /** Who holds the region on the other side: after the change when given up, before it when taken. */
  other: Holding;
  /** Given up everywhere: no claim of the team covers the pattern any more (not just fewer clusters). */
  dropped: boolean;
}

export function claimChanges(
  old: ManifestData,
  current: ManifestData,
  field: ClaimField,
  renames: readonly TeamRenamed[],
): ClaimChange[] {
  const { newName, oldName } = renameMaps(renames);
  const before = claimIndex(old, field);
  const after = claimIndex(current, field);
  const changes: ClaimChange[] = [];
  const compare = (
    direction: ClaimChange['direction'],
    from: ManifestData,
    to: ManifestData,
    toIndex: ClaimIndex,
    otherName: ReadonlyMap<string, string>,
  ) => {
    for (const [team, owner] of Object.entries(from.teams)) {
      const counterpart = otherName.get(team) ?? team;
      // The same claims in the same clusters on the other side: nothing changed hands (the check below finds each
      // pattern covered by itself there). Most teams of a fleet, skipped without a lookup per pattern.
      const there = Object.hasOwn(to.teams, counterpart) ? to.teams[counterpart] : undefined;
      if (there && sameItems(there[field], owner[field]) && sameItems(there.clusters, owner.clusters)) continue;
      for (const pattern of owner[field]) {
        // The team's own claims on the other side that cover the pattern (one at most: its claims do not overlap).
        const still = toIndex.coverers(pattern).filter((claim) => claim.team === counterpart);
        const region = changedRegion(pattern, scopeOf(owner.clusters), still);
        if (region === undefined) continue;
        changes.push({
          field,
          direction,
          team,
          region,
          other: holding(toIndex, region, counterpart),
          dropped: still.length === 0,
        });
      }
    }
  };
  compare('given-up', old, current, after, newName);
  compare('taken', current, old, before, oldName);
  return changes;
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function claimIndex(manifest: ManifestData, field: ClaimField): ClaimIndex {
  return new ClaimIndex(
    Object.entries(manifest.teams).map(([team, owner]) => [team, owner[field], owner.clusters] as const),
  );
}

/** The part of a claim (pattern, scope) the team's claims on the other side (`still`) do not hold; undefined: none. */
function changedRegion(pattern: string, scope: Scope, still: Claim[]): Region | undefined {
  if (still.length === 0) return { pattern, clusters: scope, exceptClusters: [] };
  // A team's claims all hold in its one list of clusters.
  const kept = still[0]!.clusters;
  if (scopeCovers(kept, scope)) return undefined;
  return { pattern, clusters: scope, exceptClusters: scopesOverlap(kept, scope) ? kept : [] };
}

/** Who holds the region in `index`, the team itself (`self`) left out. */
function holding(index: ClaimIndex, region: Region, self: string): Holding {
  const covering = index
    .coverers(region.pattern)
    .filter((claim) => claim.team !== self && scopesOverlap(claim.clusters, region.clusters));
  const holders = covering.map((claim) => ({
    team: claim.team,
    clusters: scopeCovers(claim.clusters, region.clusters) ? region.clusters : claim.clusters,
  }));
  const rest = !covering.some((claim) => scopeCovers([...claim.clusters, ...region.exceptClusters], region.clusters));
  const except = rest
    ? index
        .overlapping(region.pattern)
        .filter(
          (claim) => !patternCovers(claim.pattern, region.pattern) && scopesOverlap(claim.clusters, region.clusters),
        )
        .sort((a, b) => byCodePoint(a.pattern, b.pattern))
    : [];
  return { holders, rest, except };
}
