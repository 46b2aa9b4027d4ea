// Claims changing hands: a team whose claims and clusters are the same on both sides is skipped without looking its
// patterns up, and that gives what looking them up gives (the same claims listed in another order are looked up).
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { claimChanges } from '../../src/diff/claim-changes.ts';
import type { ManifestData, ManifestOwnerData } from '../../src/diff/read-manifest.ts';

const pattern = fc.constantFrom('a', 'a-1', 'a-*', 'b', 'b-?', '*-eu', 'c-*-eu', 'c-x-eu', '*');
const clusters = fc.constantFrom<string[]>([], ['prod-*'], ['prod-eu'], ['dev', 'prod-eu']);
const owner = fc.record({ namespaces: fc.uniqueArray(pattern, { maxLength: 3 }), clusters });
const teams = fc.dictionary(fc.constantFrom('t1', 't2', 't3', 't4'), owner);

function manifest(owners: Record<string, { namespaces: string[]; clusters: string[] }>): ManifestData {
  const entry = ({ namespaces, clusters }: { namespaces: string[]; clusters: string[] }): ManifestOwnerData => ({
    namespaces,
    nodes: [],
    clusters,
    labels: {},
    alerts: {},
  });
  return {
    defaultTeam: 'platform',
    global: {},
    defaults: {},
    teams: Object.fromEntries(Object.entries(owners).map(([name, value]) => [name, entry(value)])),
    unclaimed: entry({ namespaces: [], clusters: [] }),
  };
}

describe('claimChanges', () => {
  test.prop(
    [teams, teams, fc.array(fc.constantFrom('same', 'other clusters', 'changed'), { minLength: 4, maxLength: 4 })],
    {
      numRuns: 2000,
    },
  )(
    'teams with the same claims on both sides change nothing, as when their claims are looked up',
    (before, after, how) => {
      // Each team kept as it was (so the skip is taken), kept with other clusters, or as `after` has it.
      const current = { ...after };
      Object.entries(before).forEach(([name, value], i) => {
        if (how[i] === 'same') current[name] = value;
        if (how[i] === 'other clusters')
          current[name] = { ...value, clusters: value.clusters.length > 0 ? [] : ['dev'] };
      });
      const reordered = Object.fromEntries(
        Object.entries(current).map(([name, value]) => [
          name,
          { ...value, namespaces: [...value.namespaces].reverse() },
        ]),
      );
      // Reversed lists are not the same lists: every team's patterns are looked up (the changes come in another
      // order then).
      const sorted = (owners: typeof current) =>
        claimChanges(manifest(before), manifest(owners), 'namespaces', [])
          .map((change) => JSON.stringify(change))
          .sort();
      expect(sorted(reordered)).toEqual(sorted(current));
    },
  );
});
