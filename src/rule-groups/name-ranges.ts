// Ranges of namespace (node) names in code-point order, [from, to), as regular expressions: what splits the ownership
// decision over several rules when one would not fit a Kubernetes object. Names use only `-`, `.`, digits and
// lowercase letters (DNS-1123), so a character class over that alphabet says "any later (earlier) character" exactly.
import { byCodePoint } from '../values/ordering.ts';

const ALPHABET = '-.0123456789abcdefghijklmnopqrstuvwxyz';

/** A range of names: from `from` (inclusive; '' the first name) up to `to` (exclusive; undefined: no end). */
export interface NameRange {
  from: string;
  to: string | undefined;
}

function literal(text: string): string {
  return text.replace(/\./g, '\\.');
}

/** A character class of the alphabet's characters strictly after (before) `char`; undefined when there is none. */
function classBeyond(char: string, after: boolean): string | undefined {
  const chars = [...ALPHABET].filter((c) => (after ? c > char : c < char));
  if (chars.length === 0) return undefined;
  return `[${chars.map((c) => (c === '-' || c === '.' ? `\\${c}` : c)).join('')}]`;
}

/** Names from `bound` on: those starting with it, and those greater at their first difference. */
function atLeast(bound: string): string {
  const parts = [`${literal(bound)}.*`];
  for (let i = 0; i < bound.length; i++) {
    const later = classBeyond(bound[i]!, true);
    if (later) parts.push(`${literal(bound.slice(0, i))}${later}.*`);
  }
  return parts.join('|');
}

/** Names before `bound`: its proper prefixes, and those smaller at their first difference. */
function below(bound: string): string {
  const parts: string[] = [];
  for (let i = 1; i < bound.length; i++) parts.push(literal(bound.slice(0, i)));
  for (let i = 0; i < bound.length; i++) {
    const earlier = classBeyond(bound[i]!, false);
    if (earlier) parts.push(`${literal(bound.slice(0, i))}${earlier}.*`);
  }
  return parts.join('|');
}

/** The regular expressions a name must match to be in the range (anchored, as Prometheus matchers are): 0 to 2. */
export function rangeRegexes(range: NameRange): string[] {
  return [...(range.from === '' ? [] : [atLeast(range.from)]), ...(range.to === undefined ? [] : [below(range.to)])];
}

/** Whether some name starting with `prefix` is in the range. */
export function prefixMeetsRange(prefix: string, { from, to }: NameRange): boolean {
  const beforeEnd = to === undefined || byCodePoint(prefix, to) < 0;
  const pastStart = byCodePoint(prefix, from) >= 0 || from.startsWith(prefix);
  return beforeEnd && pastStart;
}

/**
 * For each range, the positions of the prefixes that meet it (prefixMeetsRange), ascending: those from its start up to
 * its end, found in the sorted prefixes, and the proper prefixes of its start, looked up; not every prefix tested
 * against every range, whose number grows with the fleet too.
 */
export function prefixesMeetingRanges(prefixes: readonly string[], ranges: readonly NameRange[]): number[][] {
  const sorted = prefixes.map((_, i) => i).sort((a, b) => byCodePoint(prefixes[a]!, prefixes[b]!) || a - b);
  const positions = new Map<string, number[]>();
  for (const [i, prefix] of prefixes.entries()) {
    const same = positions.get(prefix);
    if (same) same.push(i);
    else positions.set(prefix, [i]);
  }
  return ranges.map(({ from, to }) => {
    const found: number[] = [];
    // The first prefix at or after `from`.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (byCodePoint(prefixes[sorted[middle]!]!, from) < 0) low = middle + 1;
      else high = middle;
    }
    for (let j = low; j < sorted.length && (to === undefined || byCodePoint(prefixes[sorted[j]!]!, to) < 0); j++)
      found.push(sorted[j]!);
    for (let length = 0; length < from.length; length++) found.push(...(positions.get(from.slice(0, length)) ?? []));
    return found.sort((a, b) => a - b);
  });
}

/** Whether every name starting with `prefix` is in the range. */
export function prefixWithinRange(prefix: string, { from, to }: NameRange): boolean {
  const fromOk = byCodePoint(prefix, from) >= 0;
  const toOk = to === undefined || (byCodePoint(prefix, to) < 0 && !to.startsWith(prefix));
  return fromOk && toOk;
}

/** The ranges between consecutive bounds (sorted, distinct, none ''), covering every name. */
export function rangesBetween(bounds: readonly string[]): NameRange[] {
  const starts = ['', ...bounds];
  return starts.map((from, i) => ({ from, to: bounds[i] }));
}
