// The one order headroom sorts by: code points, not the locale, so output is byte-identical on every machine.

export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares entries (or any tuples) by their first element, a string. */
export function byFirst(a: readonly [string, ...unknown[]], b: readonly [string, ...unknown[]]): number {
  return byCodePoint(a[0], b[0]);
}

export function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(byFirst));
}

/** Objects' keys sorted at every level; arrays keep their order; undefined members dropped, as JSON drops them. */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, inner]) => inner !== undefined);
  return Object.fromEntries(entries.sort(byFirst).map(([key, inner]) => [key, sortKeysDeep(inner)]));
}

/** JSON with keys sorted at every level, two-space indent and a final newline. */
export function sortedJson(value: unknown): string {
  return `${JSON.stringify(sortKeysDeep(value), null, 2)}\n`;
}
