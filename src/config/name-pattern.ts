// Namespace and node patterns: exact names or globs where `*` is any run of characters and `?` one character
// (./claim-pattern.ts says which are valid). Kubernetes names use [a-z0-9-.], none of which is special in a regular
// expression except `.`.

/** Regular expression (RE2 and JS alike) matching exactly the names a pattern matches, unanchored. */
export function patternToRegex(pattern: string): string {
  return pattern.replace(/\./g, '\\.').replace(/\*/g, '.*').replace(/\?/g, '.');
}

/** Whether some name matches both patterns. */
export function patternsOverlap(a: string, b: string): boolean {
  if (a === b || a === '*' || b === '*') return true;
  // Most pairs differ within their first or last characters: no need for the full walk then.
  if (!endsAgree(a, b, false) || !endsAgree(a, b, true)) return false;
  return walkBothPatterns(a.length, b.length, (i, j, walk) => {
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
  if (outer === inner) return true;
  return walkBothPatterns(outer.length, inner.length, (i, j, walk) => {
    if (i === outer.length) return j === inner.length;
    if (outer[i] === '*') return walk(i + 1, j) || (j < inner.length && walk(i, j + 1));
    if (j === inner.length) return false;
    if (outer[i] === '?') return inner[j] !== '*' && walk(i + 1, j + 1);
    return outer[i] === inner[j] && walk(i + 1, j + 1);
  });
}

/** The characters before the first wildcard: every name the pattern matches starts with them. */
export function literalPrefix(pattern: string): string {
  const wildcard = pattern.search(/[*?]/);
  return wildcard === -1 ? pattern : pattern.slice(0, wildcard);
}

/** The characters after the last wildcard: every name the pattern matches ends with them. */
export function literalSuffix(pattern: string): string {
  const wildcard = Math.max(pattern.lastIndexOf('*'), pattern.lastIndexOf('?'));
  return pattern.slice(wildcard + 1);
}

/**
 * Whether the patterns agree character by character from their start (or their end) up to the first `*` of
 * either, `?` agreeing with anything: a common name needs it.
 */
function endsAgree(a: string, b: string, fromEnd: boolean): boolean {
  const shorter = Math.min(a.length, b.length);
  const at = (pattern: string, k: number) => pattern[fromEnd ? pattern.length - 1 - k : k];
  for (let k = 0; k < shorter; k++) {
    const x = at(a, k);
    const y = at(b, k);
    if (x === '*' || y === '*') return true;
    if (x !== y && x !== '?' && y !== '?') return false;
  }
  // One pattern is used up without a `*`: the other may only go on with a `*`.
  return a.length === b.length || at(a.length > b.length ? a : b, shorter) === '*';
}

type PairStep = (i: number, j: number, walk: (i: number, j: number) => boolean) => boolean;

const UNDECIDED = 0;
const NO = 1;
const YES = 2;

/** A search over positions in two patterns at once, from (0, 0), each pair of positions decided once. */
function walkBothPatterns(lengthA: number, lengthB: number, step: PairStep): boolean {
  // One byte per pair of positions (names are at most 253 characters): cheaper than a map keyed by strings.
  const width = lengthB + 1;
  const decided = new Uint8Array((lengthA + 1) * width);
  const walk = (i: number, j: number): boolean => {
    const known = decided[i * width + j];
    if (known !== UNDECIDED) return known === YES;
    const result = step(i, j, walk);
    decided[i * width + j] = result ? YES : NO;
    return result;
  };
  return walk(0, 0);
}
