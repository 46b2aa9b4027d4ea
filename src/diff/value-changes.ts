// Compares two plain values key by key: nested objects become dotted names, arrays and scalars are leaves.
import type { ValueChange } from './report.ts';

export function valueChanges(old: unknown, current: unknown, prefix = ''): ValueChange[] {
  const before = flatten(old, prefix);
  const after = flatten(current, prefix);
  const names = [...new Set([...before.keys(), ...after.keys()])];
  return names
    .filter((name) => !sameValue(before.get(name), after.get(name)))
    .map((name) => ({ name, old: before.get(name), new: after.get(name) }));
}

function flatten(value: unknown, prefix: string, into = new Map<string, unknown>()): Map<string, unknown> {
  if (isRecord(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix === '' ? key : `${prefix}.${key}`, into);
  } else if (value !== undefined) {
    into.set(prefix, value);
  }
  return into;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Elements of `current` not in `old`, and of `old` not in `current`, each in order. */
export function setChanges<T>(old: readonly T[], current: readonly T[]): { added: T[]; removed: T[] } {
  const before = new Set(old);
  const after = new Set(current);
  return { added: current.filter((item) => !before.has(item)), removed: old.filter((item) => !after.has(item)) };
}

/**
 * The settings of one alert that changed, old → new, as they matter: an alert off on both sides fires neither way
 * (its threshold moving with the defaults is no change), and one turned off is just that.
 */
export function alertSettingChanges(old: unknown, current: unknown): ValueChange[] {
  const off = (settings: unknown) => isRecord(settings) && settings.enabled === false;
  if (off(old) && off(current)) return [];
  const changes = valueChanges(old, current);
  return off(current) ? changes.filter((change) => change.name === 'enabled') : changes;
}
