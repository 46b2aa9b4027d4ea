// Claims (names and globs, each with the clusters it holds in) of many teams, indexed so that asking who covers a
// name costs a lookup, not a scan: a team may list thousands of exact namespaces, and comparing every claim with
// every other took minutes. Two teams may claim one name in different clusters, so a name can have several claims.
import { patternCovers, patternsOverlap } from '../values/name-pattern.ts';
import { type Scope, scopeOf } from './cluster-scope.ts';

const isGlob = (pattern: string) => /[*?]/.test(pattern);

export interface Claim {
  pattern: string;
  team: string;
  /** Where the claim holds; EVERY_CLUSTER for a team without `clusters`. */
  clusters: Scope;
}

interface IndexedClaim extends Claim {
  /** Position among all claims given, so answers keep the claims' order. */
  order: number;
}

export class ClaimIndex {
  /** Exact name → its claims. A name is covered only by itself or by a glob. */
  private readonly exact = new Map<string, IndexedClaim[]>();
  private readonly globs: IndexedClaim[] = [];

  /** `clusters` as in a team file: empty for every cluster. */
  constructor(claims: Iterable<readonly [team: string, patterns: readonly string[], clusters?: readonly string[]]>) {
    let order = 0;
    for (const [team, patterns, clusters = []] of claims) {
      for (const pattern of patterns) {
        const claim = { pattern, team, clusters: scopeOf(clusters), order: order++ };
        if (isGlob(pattern)) this.globs.push(claim);
        else this.exact.set(pattern, [...(this.exact.get(pattern) ?? []), claim]);
      }
    }
  }

  /** Every claim that covers every name the pattern matches, in claim order. */
  coverers(pattern: string): Claim[] {
    const exact = isGlob(pattern) ? undefined : this.exact.get(pattern);
    const globs = this.globs.length === 0 ? [] : this.globs.filter((glob) => patternCovers(glob.pattern, pattern));
    // The common case, a name claimed once and no glob, without copying.
    if (globs.length === 0) return exact ?? [];
    return plain([...(exact ?? []), ...globs]);
  }

  covers(pattern: string): boolean {
    return (
      (!isGlob(pattern) && this.exact.has(pattern)) || this.globs.some((glob) => patternCovers(glob.pattern, pattern))
    );
  }

  /** Claims sharing at least one name with the pattern, in the order they were claimed. */
  overlapping(pattern: string): Claim[] {
    const names = isGlob(pattern)
      ? [...this.exact.values()].flat().filter((claim) => patternsOverlap(claim.pattern, pattern))
      : (this.exact.get(pattern) ?? []);
    return plain([...names, ...this.globs.filter((glob) => patternsOverlap(glob.pattern, pattern))]);
  }
}

function plain(claims: IndexedClaim[]): Claim[] {
  return claims.sort((a, b) => a.order - b.order).map(({ pattern, team, clusters }) => ({ pattern, team, clusters }));
}
