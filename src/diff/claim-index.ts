// Claims (names and globs, each with the clusters it holds in) of many teams, indexed so that asking who covers a
// name costs a lookup, not a scan: a team may list thousands of exact namespaces, and comparing every claim with
// every other took minutes. Two teams may claim one name in different clusters, so a name can have several claims.
// Globs are filed by their literal start (or, for a glob that starts with a wildcard, their literal end): a glob
// covers a pattern only if the pattern starts (ends) with exactly those characters, so asking who covers a pattern
// looks up its starts and ends instead of trying every glob of the fleet.
import { literalPrefix, literalSuffix, patternCovers, patternsOverlap } from '../values/name-pattern.ts';
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
  /** Literal start → the globs with it; globs starting with a wildcard are filed by literal end (`byEnd`). */
  private readonly byStart = new Map<string, IndexedClaim[]>();
  private readonly byEnd = new Map<string, IndexedClaim[]>();
  /** The lengths of the keys of byStart and byEnd: the only starts and ends worth looking up. */
  private readonly startLengths: number[];
  private readonly endLengths: number[];

  /** `clusters` as in a team file: empty for every cluster. */
  constructor(claims: Iterable<readonly [team: string, patterns: readonly string[], clusters?: readonly string[]]>) {
    let order = 0;
    for (const [team, patterns, clusters = []] of claims) {
      for (const pattern of patterns) {
        const claim = { pattern, team, clusters: scopeOf(clusters), order: order++ };
        if (isGlob(pattern)) {
          this.globs.push(claim);
          const start = literalPrefix(pattern);
          if (start !== '') append(this.byStart, start, claim);
          else append(this.byEnd, literalSuffix(pattern), claim);
        } else append(this.exact, pattern, claim);
      }
    }
    this.startLengths = [...new Set([...this.byStart.keys()].map((key) => key.length))];
    this.endLengths = [...new Set([...this.byEnd.keys()].map((key) => key.length))];
  }

  /** Every claim that covers every name the pattern matches, in claim order. */
  coverers(pattern: string): Claim[] {
    const exact = isGlob(pattern) ? undefined : this.exact.get(pattern);
    const globs = this.coveringGlobs(pattern);
    // The common case, a name claimed once and no glob, without copying.
    if (globs.length === 0) return exact ?? [];
    return plain([...(exact ?? []), ...globs]);
  }

  covers(pattern: string): boolean {
    return (!isGlob(pattern) && this.exact.has(pattern)) || this.coveringGlobs(pattern).length > 0;
  }

  /** The globs that cover the pattern: among those filed under one of its starts or ends, the ones that cover it. */
  private coveringGlobs(pattern: string): IndexedClaim[] {
    if (this.globs.length === 0) return [];
    const candidates: IndexedClaim[] = [];
    for (const length of this.startLengths)
      if (length <= pattern.length) candidates.push(...(this.byStart.get(pattern.slice(0, length)) ?? []));
    for (const length of this.endLengths)
      if (length <= pattern.length) candidates.push(...(this.byEnd.get(pattern.slice(pattern.length - length)) ?? []));
    return candidates.filter((glob) => patternCovers(glob.pattern, pattern));
  }

  /** Claims sharing at least one name with the pattern, in the order they were claimed. */
  overlapping(pattern: string): Claim[] {
    const names = isGlob(pattern)
      ? [...this.exact.values()].flat().filter((claim) => patternsOverlap(claim.pattern, pattern))
      : (this.exact.get(pattern) ?? []);
    return plain([...names, ...this.globs.filter((glob) => patternsOverlap(glob.pattern, pattern))]);
  }
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const values = map.get(key);
  if (values === undefined) map.set(key, [value]);
  else values.push(value);
}

function plain(claims: IndexedClaim[]): Claim[] {
  return claims.sort((a, b) => a.order - b.order).map(({ pattern, team, clusters }) => ({ pattern, team, clusters }));
}
