// One rule per distinct setting, not per team: owners whose alert has the same rule-level settings share a rule.
import type { Model, Owner } from '../model/model.ts';

export interface Partition<S> {
  settings: S;
  owners: Owner[];
}

/** Owners grouped by the settings `pick` returns (undefined: the owner has the alert off); sorted by settings. */
export function partitionOwners<S extends object>(model: Model, pick: (owner: Owner) => S | undefined): Partition<S>[] {
  const partitions = new Map<string, Partition<S>>();
  for (const owner of model.owners) {
    const settings = pick(owner);
    if (!settings) continue;
    const key = JSON.stringify(settings);
    const partition = partitions.get(key) ?? { settings, owners: [] };
    partition.owners.push(owner);
    partitions.set(key, partition);
  }
  return [...partitions.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, partition]) => partition);
}
