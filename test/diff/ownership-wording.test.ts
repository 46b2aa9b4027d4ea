// Every sentence about a namespace changing hands, under both ownership modes and with cluster scopes, from pairs of
// settings manifests. The rule they must state: a team file's claim (pattern and clusters) decides; else, under
// `ownership.namespaceLabel`, the team the namespace label names where that team's file holds in the cluster; else
// the default team. The manifest knows no label values, so where no claim decides the diff says "the label's team
// or the default team", never the default team alone.
import { describe, expect, it } from 'vitest';
import { moveLines } from '../../src/diff/describe-moves.ts';
import { findMoves } from '../../src/diff/ownership-moves.ts';
import type { ManifestData, ManifestOwnerData } from '../../src/diff/read-manifest.ts';
import { reviewWarnings } from '../../src/diff/warnings.ts';
import { manifestData, ownerData } from './manifest-data.ts';

const LABEL_OWNERSHIP =
  'team files, then the namespace label (kube_namespace_labels label_team); labels naming no team go to the default ' +
  'team';

const team = (namespaces: string[], clusters: string[] = [], nodes: string[] = []) =>
  ownerData(namespaces, { clusters, nodes });
const manifest = (teams: Record<string, ManifestOwnerData>, ownership = 'team files') =>
  manifestData(teams, { global: { ownership } });

const labelled = (teams: Record<string, ManifestOwnerData>) => manifest(teams, LABEL_OWNERSHIP);
const warnings = (old: ManifestData, current: ManifestData) =>
  reviewWarnings({ old, current, oldAlerts: [], newAlerts: [] }).map((w) => w.message);
const moves = (old: ManifestData, current: ManifestData) =>
  findMoves(old, current, []).map((move) => moveLines(move)[0]);

describe('diff wording under namespace-label ownership', () => {
  it('a team dropping `namespaces:` to rely on its team= label: the label decides, not the default team', () => {
    const old = labelled({ payments: team(['payments', 'payments-eu']) });
    const current = labelled({ payments: team([]) });
    expect(warnings(old, current)).toEqual([
      'team payments no longer owns namespace payments, and no other team file claims it: its alerts go to the team ' +
        'its label_team label names (team payments where it names payments), or team platform with the default ' +
        'settings where the label names no team in scope',
      'team payments no longer owns namespace payments-eu, and no other team file claims it: its alerts go to the ' +
        'team its label_team label names (team payments where it names payments), or team platform with the default ' +
        'settings where the label names no team in scope',
    ]);
    expect(moves(old, current)).toEqual([
      'namespace payments: moved from team payments to the team its label_team label names (the default team ' +
        'platform where it names no team in scope)',
      'namespace payments-eu: moved from team payments to the team its label_team label names (the default team ' +
        'platform where it names no team in scope)',
    ]);
    const [move] = findMoves(old, current, []);
    expect(move).toMatchObject({ to: 'platform', toUnclaimed: true, namespaceLabel: 'label_team' });
    // Settings are only known where the default team gets it.
    expect(moveLines(move!)[1]).toBe(
      'namespace payments where its label_team label names no team in scope: alert settings the same under both',
    );
  });

  it('a glob narrowed to names: the rest goes to the label team or the default team', () => {
    const old = labelled({ batch: team(['batch-*']) });
    const current = labelled({ batch: team(['batch-1']) });
    expect(warnings(old, current)).toEqual([
      'team batch no longer owns namespaces matching batch-*: only batch-1 (team batch) still claimed, the others go ' +
        'to the team its label_team label names (team batch where it names batch), or team platform with the default ' +
        'settings where the label names no team in scope',
    ]);
    expect(moves(old, current)).toEqual([
      'namespaces matching batch-* other than batch-1: moved from team batch to the team its label_team label names ' +
        '(the default team platform where it names no team in scope)',
    ]);
  });

  it('a namespace added to a team file: it came from the label team or the default team', () => {
    const old = labelled({ search: team(['search']) });
    const current = labelled({ search: team(['search', 'ledger']) });
    expect(warnings(old, current)).toEqual([]);
    expect(moves(old, current)).toEqual([
      'namespace ledger: moved from the team its label_team label names (the default team platform where it names no ' +
        'team in scope) to team search',
    ]);
  });

  it('a team file removed or added: the namespaces its name labels go to or come from the default team', () => {
    const old = labelled({ search: team([]), payments: team(['payments']) });
    const current = labelled({ payments: team(['payments']), ledger: team([], ['prod-*']) });
    expect(warnings(old, current)).toEqual([
      'team search removed: namespaces whose label_team label names "search" (and that no team file claims) go to ' +
        'team platform with the default settings',
      'team ledger added: namespaces whose label_team label names "ledger" (and that no team file claims) go to team ' +
        'ledger in clusters prod-* instead of team platform',
    ]);
  });

  it('control: with team files only, the default team takes what nobody claims, said plainly', () => {
    const old = manifest({ payments: team(['payments', 'legacy']), batch: team(['batch-*']) });
    const current = manifest({ payments: team(['payments', 'ledger']), batch: team(['batch-1']) });
    expect(warnings(old, current)).toEqual([
      'team payments no longer owns namespace legacy, and no other team does: its alerts go to team platform with ' +
        'the default settings',
      'team batch no longer owns namespaces matching batch-*: only batch-1 (team batch) still claimed, the others go ' +
        'to team platform with the default settings',
    ]);
    expect(moves(old, current)).toEqual([
      'namespaces matching batch-* other than batch-1: moved from team batch to the default team platform (unclaimed)',
      'namespace ledger: moved from the default team platform (unclaimed) to team payments',
      'namespace legacy: moved from team payments to the default team platform (unclaimed)',
    ]);
  });
});

describe('diff wording with cluster scopes', () => {
  it('a namespace given up everywhere and taken by a team in some clusters only: who holds it where', () => {
    const old = manifest({ payments: team(['payments', 'shop']), search: team(['search'], ['prod-*']) });
    const current = manifest({ payments: team(['payments']), search: team(['search', 'shop'], ['prod-*']) });
    expect(warnings(old, current)).toEqual([
      'team payments no longer owns namespace shop: now held by team search in clusters prod-*; elsewhere its alerts ' +
        'go to team platform with the default settings',
    ]);
    expect(moves(old, current)).toEqual([
      'namespace shop outside clusters prod-*: moved from team payments to the default team platform (unclaimed)',
      'namespace shop in clusters prod-*: moved from team payments to team search',
    ]);
  });

  it('one namespace per cluster: a team giving it up in its clusters leaves the other team its own clusters', () => {
    const old = manifest({ eu: team(['shop'], ['prod-eu-*']), us: team(['shop'], ['prod-us-*']) });
    const current = manifest({ eu: team([], ['prod-eu-*']), us: team(['shop'], ['prod-us-*']) });
    expect(warnings(old, current)).toEqual([
      'team eu no longer owns namespace shop in clusters prod-eu-*, and no other team does: its alerts go to team ' +
        'platform with the default settings',
    ]);
    expect(moves(old, current)).toEqual([
      'namespace shop in clusters prod-eu-*: moved from team eu to the default team platform (unclaimed)',
    ]);
  });

  it('a claim narrowed to some clusters, under label ownership: elsewhere the team is in scope nowhere', () => {
    const old = labelled({ payments: team(['payments'], [], ['pay-pool-*']), search: team(['search']) });
    const current = labelled({ payments: team(['payments'], ['prod-*'], ['pay-pool-*']), search: team(['search']) });
    expect(warnings(old, current)).toEqual([
      'team payments now owns its namespaces and nodes and the namespaces its label_team label names only in ' +
        'clusters prod-*: elsewhere its namespaces go to the team its label_team label names, or team platform with ' +
        'the default settings where the label names no team in scope; its nodes go to team platform with the ' +
        'default settings',
    ]);
    expect(moves(old, current)).toEqual([
      'namespace payments outside clusters prod-*: moved from team payments to the team its label_team label names ' +
        '(the default team platform where it names no team in scope)',
      'nodes matching pay-pool-* outside clusters prod-*: moved from team payments to the default team platform ' +
        '(unclaimed)',
    ]);
  });

  it('namespaces and nodes narrowed to some clusters, with team files only: one destination for both', () => {
    const old = manifest({ search: team(['search'], [], ['search-pool-*']) });
    const current = manifest({ search: team(['search'], ['prod-*'], ['search-pool-*']) });
    expect(warnings(old, current)).toEqual([
      'team search now owns its namespaces and nodes only in clusters prod-*: elsewhere they go to team platform ' +
        'with the default settings',
    ]);
  });

  it('a claim narrowed to some clusters where another team claims it elsewhere', () => {
    const old = manifest({ payments: team(['shop']), legacy: team([], ['dev-*']) });
    const current = manifest({ payments: team(['shop'], ['prod-*']), legacy: team(['shop'], ['dev-*']) });
    expect(warnings(old, current)).toEqual([
      'team payments now owns its namespaces only in clusters prod-*: elsewhere they go to team legacy where claimed ' +
        'there, else team platform with the default settings',
    ]);
    expect(moves(old, current)).toEqual([
      'namespace shop in clusters dev-*: moved from team payments to team legacy',
      'namespace shop outside clusters prod-*, dev-*: ' +
        'moved from team payments to the default team platform (unclaimed)',
    ]);
  });
});
