// The claim index answers as the pairwise pattern checks it replaces: a name is covered by itself or a glob,
// never by another name; overlaps come back in claim order, exact names and globs alike.
import { describe, expect, it } from 'vitest';
import { ClaimIndex } from '../../src/diff/claim-index.ts';

const index = new ClaimIndex([
  ['a', ['pay-eu', 'pay-*']],
  ['b', ['pay-us', 'search', 'x-?']],
]);

describe('ClaimIndex', () => {
  it('one name claimed by two teams in different clusters: both claims, each with its clusters', () => {
    const scoped = new ClaimIndex([
      ['eu', ['shop'], ['prod-eu-*']],
      ['us', ['shop'], ['prod-us-*']],
      ['all', ['search']],
    ]);
    expect(scoped.coverers('shop').map((claim) => `${claim.team} ${claim.clusters.join(',')}`)).toEqual([
      'eu prod-eu-*',
      'us prod-us-*',
    ]);
    expect(scoped.coverers('search')[0]?.clusters).toEqual(['*']);
  });

  it('who covers a name or a glob', () => {
    const coverers = (pattern: string) => index.coverers(pattern).map((claim) => claim.team);
    expect(coverers('pay-eu')).toEqual(['a', 'a']);
    expect(coverers('pay-de')).toEqual(['a']);
    expect(coverers('pay-e?')).toEqual(['a']);
    expect(coverers('search')).toEqual(['b']);
    expect(coverers('x-1')).toEqual(['b']);
    expect(coverers('x-*')).toEqual([]);
    expect(coverers('searc?')).toEqual([]);
    expect(index.covers('other')).toBe(false);
  });

  it('which claims share a name with a pattern, in claim order', () => {
    const claims = (pattern: string) => index.overlapping(pattern).map((claim) => `${claim.pattern} (${claim.team})`);
    expect(claims('pay-*')).toEqual(['pay-eu (a)', 'pay-* (a)', 'pay-us (b)']);
    expect(claims('x-12')).toEqual([]);
    expect(claims('x-1')).toEqual(['x-? (b)']);
    expect(claims('search')).toEqual(['search (b)']);
  });
});
