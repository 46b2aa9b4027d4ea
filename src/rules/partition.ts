// One rule per distinct setting, not per team: owners whose alert has the same rule-level settings share a rule,
// which selects exactly their namespaces (or nodes) through the owner series.
import type { Model, Owner } from '../model/model.ts';
import { type OwnedBy, ownerMatcher } from './ownership.ts';
import { byFirst } from '../ordering.ts';

interface Partition<S> {
  settings: S;
  owners: Owner[];
}

/** Owners grouped by the settings `pick` returns (undefined: the owner has the alert off); sorted by settings. */
function partitionOwners<S extends object>(model: Model, pick: (owner: Owner) => S | undefined): Partition<S>[] {
  const partitions = new Map<string, Partition<S>>();
  for (const owner of model.owners) {
    const settings = pick(owner);
    if (!settings) continue;
    const key = JSON.stringify(settings);
    const partition = partitions.get(key) ?? { settings, owners: [] };
    partition.owners.push(owner);
    partitions.set(key, partition);
  }
  return [...partitions.entries()].sort(byFirst).map(([, partition]) => partition);
}

/**
 * One rule per partition of owners by `pick`, built from the partition's settings and the matcher on the owner series
 * that selects its owners (undefined: every owner). Partitions that can own nothing get no rule.
 */
export function rulesPerSetting<S extends object, R>(
  model: Model,
  kind: OwnedBy,
  pick: (owner: Owner) => S | undefined,
  build: (settings: S, owned: string | undefined) => R,
): R[] {
  return partitionOwners(model, pick).flatMap(({ settings, owners }) => {
    const owned = ownerMatcher(model, kind, owners);
    return owned === null ? [] : [build(settings, owned)];
  });
}

/**
 * The distinct values of a setting that must sit inside an expression (a range window, a duration), over the owners
 * `pick` gives them for (none: undefined or []), sorted: one recording rule per value.
 */
export function distinctValues(model: Model, pick: (owner: Owner) => string | readonly string[] | undefined): string[] {
  return [...new Set(model.owners.flatMap((owner) => pick(owner) ?? []))].sort();
}
