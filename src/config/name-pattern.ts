// Namespace and node patterns: exact names or globs where `*` is any run of characters and `?` one character.
// Kubernetes names use [a-z0-9-.], none of which is special in a regular expression except `.`.

export const NAME_PATTERN = /^[a-z0-9*?]([a-z0-9.*?-]*[a-z0-9*?])?$/;

/** Regular expression (RE2 and JS alike) matching exactly the names a pattern matches, unanchored. */
export function patternToRegex(pattern: string): string {
  return pattern.replace(/\./g, '\\.').replace(/\*/g, '.*').replace(/\?/g, '.');
}

/** Whether some name matches both patterns. */
export function patternsOverlap(a: string, b: string): boolean {
  return walkBothPatterns((i, j, walk) => {
    if (i === a.length && j === b.length) return true;
    if (a[i] === '*') return walk(i + 1, j) || (j < b.length && walk(i, j + 1));
    if (b[j] === '*') return walk(i, j + 1) || (i < a.length && walk(i + 1, j));
    if (i === a.length || j === b.length) return false;
    return (a[i] === b[j] || a[i] === '?' || b[j] === '?') && walk(i + 1, j + 1);
  });
}

/** Whether a concrete name matches a pattern. */
export function matchesPattern(name: string, pattern: string): boolean {
  return new RegExp(`^(?:${patternToRegex(pattern)})$`).test(name);
}

/**
 * Whether every name `inner` matches also matches `outer` (sound, not complete: a pattern covered only by
 * several patterns together is reported as not covered). `*` in outer takes any run of inner's symbols;
 * `?` in outer takes one literal or `?` of inner; a literal takes only itself.
 */
export function patternCovers(outer: string, inner: string): boolean {
  return walkBothPatterns((i, j, walk) => {
    if (i === outer.length) return j === inner.length;
    if (outer[i] === '*') return walk(i + 1, j) || (j < inner.length && walk(i, j + 1));
    if (j === inner.length) return false;
    if (outer[i] === '?') return inner[j] !== '*' && walk(i + 1, j + 1);
    return outer[i] === inner[j] && walk(i + 1, j + 1);
  });
}

type PairStep = (i: number, j: number, walk: (i: number, j: number) => boolean) => boolean;

/** A search over positions in two patterns at once, from (0, 0), each pair of positions decided once. */
function walkBothPatterns(step: PairStep): boolean {
  const decided = new Map<string, boolean>();
  const walk = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    let result = decided.get(key);
    if (result === undefined) {
      result = step(i, j, walk);
      decided.set(key, result);
    }
    return result;
  };
  return walk(0, 0);
}
