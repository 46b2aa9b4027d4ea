// The rename rule on pairs of settings manifests: a team gone and a team new with the same set of claims
// (namespaces, nodes, cluster scope; at least one claim) is one team renamed; any difference is not.
import { describe, expect, it } from 'vitest';
import type { ManifestOwnerData } from '../../src/diff/read-manifest.ts';
import { findRenames } from '../../src/diff/team-renames.ts';
import { manifestData, ownerData } from './manifest-data.ts';

const team = (namespaces: string[], nodes: string[] = [], clusters: string[] = []) =>
  ownerData(namespaces, { nodes, clusters });
const manifest = (teams: Record<string, ManifestOwnerData>) => manifestData(teams);

const renamed = (old: Record<string, ManifestOwnerData>, current: Record<string, ManifestOwnerData>) =>
  findRenames(manifest(old), manifest(current)).map((rename) => `${rename.from} → ${rename.to}`);

describe('the rename rule', () => {
  it('the same claims in another order under a new name is a rename; the team that stays is not involved', () => {
    expect(
      renamed(
        { payments: team(['b', 'a'], ['n-*']), search: team(['s']) },
        { 'payments-core': team(['a', 'b'], ['n-*']), search: team(['s']) },
      ),
    ).toEqual(['payments → payments-core']);
  });

  it('not a rename: one namespace more or less, another node, another cluster scope', () => {
    expect(renamed({ payments: team(['a', 'b']) }, { core: team(['a']) })).toEqual([]);
    expect(renamed({ payments: team(['a']) }, { core: team(['a', 'b']) })).toEqual([]);
    expect(renamed({ payments: team(['a'], ['n-1']) }, { core: team(['a'], ['n-2']) })).toEqual([]);
    expect(renamed({ payments: team(['a'], [], ['eu-*']) }, { core: team(['a']) })).toEqual([]);
  });

  it('not a rename: teams that claim nothing (nothing tells them apart)', () => {
    expect(renamed({ payments: team([]) }, { core: team([]) })).toEqual([]);
  });

  it('a swap of claims between two teams that both stay is no rename', () => {
    expect(renamed({ a: team(['x']), b: team(['y']) }, { a: team(['y']), b: team(['x']) })).toEqual([]);
  });

  it('the receivers of the old and the new route, when the config routes', () => {
    const routing = (teams: Record<string, unknown>) => ({ routing: { fallbackReceiver: 'platform-oncall', teams } });
    const old = {
      ...manifest({ payments: team(['a']) }),
      global: routing({ payments: { receiver: 'payments-pager' } }),
    };
    const current = {
      ...manifest({ core: team(['a']) }),
      global: routing({ core: { receiver: 'core-pager', ticketReceiver: 'core-tickets' } }),
    };
    expect(findRenames(old, current)[0]?.receivers).toEqual([
      { name: 'receiver', old: 'payments-pager', new: 'core-pager' },
      { name: 'ticketReceiver', old: 'payments-pager', new: 'core-tickets' },
    ]);
  });
});
