// Namespace and node patterns: exact names or globs where `*` is any run of characters and `?` one character
// (./claim-pattern.ts says which are valid). Kubernetes names use [a-z0-9-.], none of which is special in a regular
// expression except `.`.
import { ANY_NAMES, charKind, isValidName, type NameSyntax } from './name-syntax.ts';

/** Regular expression (RE2 and JS alike) matching exactly the names a pattern matches, unanchored. */
export function patternToRegex(pattern: string): string {
  return pattern.replace(/\./g, '\\.').replace(/\*/g, '.*').replace(/\?/g, '.');
}

/**
 * Whether some valid name matches both patterns: a name of `syntax` (namespace names, node names; by default any
 * text), so within its length. Decided exactly, by a search for the shortest such name.
 */
export function patternsOverlap(a: string, b: string, syntax: NameSyntax = ANY_NAMES): boolean {
  // Most pairs differ within their first or last characters: no need for the search then.
  if (!endsAgree(a, b, false) || !endsAgree(a, b, true)) return false;
  if (!isGlob(a) && !isGlob(b)) return a === b && isValidName(a, syntax);
  return shortestCommonName(a, b, syntax) <= syntax.maxLength;
}

function isGlob(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/**
 * The length of the shortest name of `syntax` that both patterns match (Infinity when none is within its length): a
 * breadth-first search over (position in a, position in b, state of the syntax), one character per level. A `*`
 * may match nothing (a step within the level) or one more character (staying at the `*`).
 */
function shortestCommonName(a: string, b: string, syntax: NameSyntax): number {
  const width = b.length + 1;
  const states = syntax.states;
  const seen = new Uint8Array((a.length + 1) * width * states);
  const visit = (i: number, j: number, state: number, into: number[]) => {
    const key = (i * width + j) * states + state;
    if (seen[key]) return;
    seen[key] = 1;
    into.push(key);
  };
  let level: number[] = [];
  visit(0, 0, 0, level);
  for (let length = 0; level.length > 0 && length <= syntax.maxLength; length++) {
    // `level` grows while it is read: the `*` that match nothing add to it.
    for (let k = 0; k < level.length; k++) {
      const [i, j, state] = decode(level[k]!, width, states);
      if (i === a.length && j === b.length && syntax.accepts(state)) return length;
      if (a[i] === '*') visit(i + 1, j, state, level);
      if (b[j] === '*') visit(i, j + 1, state, level);
    }
    const next: number[] = [];
    for (const key of level) {
      const [i, j, state] = decode(key, width, states);
      for (const [nextI, charA] of readOne(a, i)) {
        for (const [nextJ, charB] of readOne(b, j)) {
          const chars =
            charA === undefined
              ? charB === undefined
                ? syntax.representatives
                : [charB]
              : charB === undefined || charB === charA
                ? [charA]
                : [];
          for (const char of chars) {
            const nextState = syntax.step(state, charKind(char));
            if (nextState >= 0) visit(nextI, nextJ, nextState, next);
          }
        }
      }
    }
    level = next;
  }
  return Number.POSITIVE_INFINITY;
}

function decode(key: number, width: number, states: number): [i: number, j: number, state: number] {
  const state = key % states;
  const pair = (key - state) / states;
  const j = pair % width;
  return [(pair - j) / width, j, state];
}

/** Where a pattern goes on reading one character at position i, and the character it needs (undefined: any). */
function readOne(pattern: string, i: number): [next: number, char: string | undefined][] {
  if (i >= pattern.length) return [];
  const char = pattern[i]!;
  if (char === '*') return [[i, undefined]];
  if (char === '?') return [[i + 1, undefined]];
  return [[i + 1, char]];
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
