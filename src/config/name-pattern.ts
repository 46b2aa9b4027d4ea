// Namespace and node patterns: exact names or globs where `*` is any run of characters and `?` one character.
// Kubernetes names use [a-z0-9-.], none of which is special in a regular expression except `.`.

export const NAME_PATTERN = /^[a-z0-9*?]([a-z0-9.*?-]*[a-z0-9*?])?$/;

export function isGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/** Regular expression (RE2 and JS alike) matching exactly the names a pattern matches, unanchored. */
export function patternToRegex(pattern: string): string {
  return pattern.replace(/\./g, '\\.').replace(/\*/g, '.*').replace(/\?/g, '.');
}

/** Whether some name matches both patterns: a walk over both patterns at once, memoised. */
export function patternsOverlap(a: string, b: string): boolean {
  const seen = new Map<string, boolean>();
  const walk = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    const known = seen.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === a.length && j === b.length) result = true;
    else if (a[i] === '*') result = walk(i + 1, j) || (j < b.length && walk(i, j + 1));
    else if (b[j] === '*') result = walk(i, j + 1) || (i < a.length && walk(i + 1, j));
    else if (i === a.length || j === b.length) result = false;
    else result = (a[i] === b[j] || a[i] === '?' || b[j] === '?') && walk(i + 1, j + 1);
    seen.set(key, result);
    return result;
  };
  return walk(0, 0);
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
  const seen = new Map<string, boolean>();
  const walk = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    const known = seen.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === outer.length) result = j === inner.length;
    else if (outer[i] === '*') result = walk(i + 1, j) || (j < inner.length && walk(i, j + 1));
    else if (j === inner.length) result = false;
    else if (outer[i] === '?') result = inner[j] !== '*' && walk(i + 1, j + 1);
    else result = outer[i] === inner[j] && walk(i + 1, j + 1);
    seen.set(key, result);
    return result;
  };
  return walk(0, 0);
}
