// Moves found from pairs of settings manifests, for the cases the CLI tests do not build: part of a glob moving,
// a claim taken out of another team's wider glob, and the rename warning under namespace-label ownership.
import { describe, expect, it } from 'vitest';
import { renameWarnings } from '../../src/diff/move-warnings.ts';
import { findMoves } from '../../src/diff/ownership-moves.ts';
import type { ManifestData, ManifestOwnerData } from '../../src/diff/read-manifest.ts';
import { findRenames } from '../../src/diff/team-renames.ts';
import { manifestData, ownerData } from './manifest-data.ts';

const team = (namespaces: string[]) => ownerData(namespaces);
const manifest = (teams: Record<string, ManifestOwnerData>, global: Record<string, unknown> = {}) =>
  manifestData(teams, { global });

const moves = (old: ManifestData, current: ManifestData) =>
  findMoves(old, current, []).map(
    (move) =>
      `${move.pattern}${move.except.length > 0 ? ` except ${move.except.join(', ')}` : ''}: ${move.from} → ${move.to}`,
  );

describe('ownership moves', () => {
  it('a glob narrowed to one name: the rest of it goes to the default team, the name stays', () => {
    expect(moves(manifest({ batch: team(['batch-*']) }), manifest({ batch: team(['batch-1']) }))).toEqual([
      'batch-* except batch-1: batch → platform',
    ]);
  });

  it('a glob widened over a name another team had: that name moves, the rest of the glob comes from nobody', () => {
    expect(
      moves(manifest({ a: team(['pay-eu']), b: team(['b']) }), manifest({ a: team([]), b: team(['b', 'pay-*']) })),
    ).toEqual(['pay-* except pay-eu: platform → b', 'pay-eu: a → b']);
  });

  it('a name taken out of another team glob is one move from that team (the glob itself stays)', () => {
    expect(
      moves(manifest({ a: team(['pay-*']), b: team([]) }), manifest({ a: team(['pay-*']), b: team(['pay-eu']) })),
    ).toEqual(['pay-eu: a → b']);
  });

  it("a team's names widened to a glob: the rest of the glob comes from nobody; a renamed team moves nothing", () => {
    expect(moves(manifest({ a: team(['x-1', 'x-2']) }), manifest({ a: team(['x-1', 'x-2', 'x-?']) }))).toEqual([
      'x-? except x-1, x-2: platform → a',
    ]);
    const old = manifest({ a: team(['x']) });
    const current = manifest({ b: team(['x']) });
    expect(findMoves(old, current, findRenames(old, current))).toEqual([]);
  });

  it('a rename under namespace-label ownership: namespaces labelled with the old name go to the default team', () => {
    const ownership =
      'team files, then the namespace label (kube_namespace_labels label_team); labels naming no team go to the ' +
      'default team';
    const old = manifest({ payments: team(['payments']) }, { ownership });
    const current = manifest({ core: team(['payments']) }, { ownership });
    const rename = findRenames(old, current)[0]!;
    expect(renameWarnings(rename, old, current, []).map((warning) => warning.message)).toEqual([
      'team payments renamed to core: its alerts now carry team="core"; Alertmanager routes, inhibit rules and ' +
        'silences matching team="payments" stop matching them',
      'team payments renamed to core: dashboard links and bookmarks with var-team=payments (dashboard headroom-team) ' +
        'show no data',
      'team payments renamed to core: series recorded with team="payments" end and start again as team="core": a ' +
        'graph or query across the change sees two series',
      'team payments renamed to core: namespaces whose label_team (kube_namespace_labels) is "payments" name no team ' +
        'any more and go to team platform until relabelled',
    ]);
  });
});
