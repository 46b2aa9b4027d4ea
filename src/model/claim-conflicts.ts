// Which claims conflict, with the answer of comparing every claim with every earlier one, but without doing it:
// thousands of teams' patterns would make that millions of glob comparisons. Two globs can only overlap if their
// literal prefixes are compatible and so are their literal suffixes (see LiteralIndex), so each claim is compared
// only with the few claims an index finds for it; with cluster scopes, the clusters' literals are indexed too.
// Claims of one owner never conflict: a team listing `web-frontend` and `web-*` owns web-frontend once.
import { literalPrefix, literalSuffix, patternsOverlap } from '../values/name-pattern.ts';
import { ANY_NAMES, type NameSyntax } from '../values/name-syntax.ts';
import { LiteralIndex } from './literal-index.ts';

export interface Claim {
  /** A namespace or node name, or a glob of them. */
  pattern: string;
  /** Cluster names or globs where the claim holds; empty: every cluster. */
  clusters: readonly string[];
  /** Who claims it (a team's position): claims of the same owner do not conflict. */
  owner: number;
}

interface Entry {
  position: number;
  pattern: string;
  cluster: string;
  owner: number;
}

type EntryKey = (entry: Entry) => string;

const reversed = (text: string): string => [...text].reverse().join('');
const KEYS: Record<'names' | 'clusters', EntryKey[]> = {
  names: [(entry) => literalPrefix(entry.pattern), (entry) => reversed(literalSuffix(entry.pattern))],
  clusters: [(entry) => literalPrefix(entry.cluster), (entry) => reversed(literalSuffix(entry.cluster))],
};

/**
 * For each claim, the position of the first earlier claim it conflicts with, or -1. Two claims of different owners
 * conflict when some valid name (of `names`: namespace or node names) matches both patterns and some cluster is in
 * both scopes.
 */
export function firstEarlierConflicts(claims: readonly Claim[], names: NameSyntax): number[] {
  // One entry per claim and cluster pattern of its scope (`*` for every cluster): two claims conflict exactly when
  // an entry of one overlaps an entry of the other in both pattern and cluster.
  const entries: Entry[] = claims.flatMap((claim, position) =>
    (claim.clusters.length > 0 ? claim.clusters : ['*']).map((cluster) => ({
      position,
      pattern: claim.pattern,
      cluster,
      owner: claim.owner,
    })),
  );
  const scoped = claims.some((claim) => claim.clusters.length > 0);
  const keyOf = scoped ? [...KEYS.names, ...KEYS.clusters] : KEYS.names;
  const indexes = keyOf.map((key) => new LiteralIndex(entries.map(key)));
  const first = claims.map(() => -1);
  entries.forEach((entry, id) => {
    // Any index finds every conflicting entry; the one with the fewest candidates is the cheapest to check.
    const counts = indexes.map((index) => index.countCompatible(id));
    const best = counts.indexOf(Math.min(...counts));
    for (const other of indexes[best]!.compatible(id)) {
      const candidate = entries[other]!;
      const found = first[entry.position]!;
      if (
        candidate.position >= entry.position ||
        (found !== -1 && candidate.position >= found) ||
        candidate.owner === entry.owner
      )
        continue;
      if (
        patternsOverlap(candidate.pattern, entry.pattern, names) &&
        patternsOverlap(candidate.cluster, entry.cluster, ANY_NAMES)
      )
        first[entry.position] = candidate.position;
    }
  });
  return first;
}
