// Claims (names and globs) of many teams, indexed so that asking who covers a name costs a lookup, not a scan: a
// team may list thousands of exact namespaces, and comparing every claim with every other took minutes.
import { patternCovers, patternsOverlap } from '../config/name-pattern.ts';

const isGlob = (pattern: string) => /[*?]/.test(pattern);

export class ClaimIndex {
  /** Exact name → its team. A name is covered only by itself or by a glob. */
  private readonly exact = new Map<string, Claim>();
  private readonly globs: Claim[] = [];

  constructor(claims: Iterable<readonly [team: string, patterns: readonly string[]]>) {
    let order = 0;
    for (const [team, patterns] of claims) {
      for (const pattern of patterns) {
        const claim = { pattern, team, order: order++ };
        if (isGlob(pattern)) this.globs.push(claim);
        else if (!this.exact.has(pattern)) this.exact.set(pattern, claim);
      }
    }
  }

  /** The team with a claim that covers every name the pattern matches (the first in claim order), if any. */
  coverer(pattern: string): string | undefined {
    const exact = isGlob(pattern) ? undefined : this.exact.get(pattern);
    return (exact ?? this.globs.find((glob) => patternCovers(glob.pattern, pattern)))?.team;
  }

  covers(pattern: string): boolean {
    return this.coverer(pattern) !== undefined;
  }

  /** Claims sharing at least one name with the pattern, in the order they were claimed. */
  overlapping(pattern: string): { pattern: string; team: string }[] {
    const exact = this.exact.get(pattern);
    const names = isGlob(pattern) ? [...this.exact.values()].filter((claim) => patternsOverlap(claim.pattern, pattern)) : exact ? [exact] : [];
    return [...names, ...this.globs.filter((glob) => patternsOverlap(glob.pattern, pattern))]
      .sort((a, b) => a.order - b.order)
      .map(({ pattern: claimed, team }) => ({ pattern: claimed, team }));
  }
}

interface Claim {
  pattern: string;
  team: string;
  /** Position among all claims given, so answers keep the claims' order. */
  order: number;
}
