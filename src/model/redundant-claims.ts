// A team's own patterns may overlap: it owns each name once, whichever of its patterns matches (the ownership rule
// of a team ORs its patterns). Only a pattern that another of the team's patterns already covers is worth a word:
// `web-frontend` beside `web-*`, or a name listed twice, changes nothing and misleads the reader.
import { literalPrefix, patternCovers } from '../values/name-pattern.ts';

interface RedundantClaim {
  /** Position of the pattern that changes nothing. */
  index: number;
  /** Position of the team's pattern that already covers it. */
  coveredBy: number;
}

/**
 * Patterns covered by another pattern of the same list (the later of two that cover each other). A glob can only
 * cover a pattern whose literal prefix starts with the glob's, so each pattern is checked against the globs filed
 * under its literal prefix's prefixes, not against the whole list: a team may list thousands of names.
 */
export function redundantClaims(patterns: readonly string[]): RedundantClaim[] {
  const firstListed = new Map<string, number>();
  const globsByPrefix = new Map<string, number[]>();
  patterns.forEach((pattern, index) => {
    if (!firstListed.has(pattern)) firstListed.set(pattern, index);
    if (/[*?]/.test(pattern) && firstListed.get(pattern) === index) {
      const prefix = literalPrefix(pattern);
      const filed = globsByPrefix.get(prefix);
      if (filed) filed.push(index);
      else globsByPrefix.set(prefix, [index]);
    }
  });
  const redundant: RedundantClaim[] = [];
  patterns.forEach((pattern, index) => {
    const first = firstListed.get(pattern)!;
    if (first !== index) {
      redundant.push({ index, coveredBy: first });
      return;
    }
    const prefix = literalPrefix(pattern);
    for (let length = 0; length <= prefix.length; length++) {
      const coverer = globsByPrefix.get(prefix.slice(0, length))?.find((glob) => {
        if (glob === index || !patternCovers(patterns[glob]!, pattern)) return false;
        // Two patterns that cover each other (`a*` and `a**`): only the later one is redundant.
        return glob < index || !patternCovers(pattern, patterns[glob]!);
      });
      if (coverer !== undefined) {
        redundant.push({ index, coveredBy: coverer });
        return;
      }
    }
  });
  return redundant;
}
