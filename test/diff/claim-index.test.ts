// The claim index answers as the pairwise pattern checks it replaces: a name is covered by itself or a glob,
// never by another name; overlaps come back in claim order, exact names and globs alike.
import { describe, expect, it } from 'vitest';
import { ClaimIndex } from '../../src/diff/claim-index.ts';

const index = new ClaimIndex([
  ['a', ['pay-eu', 'pay-*']],
  ['b', ['pay-us', 'search', 'x-?']],
]);

describe('ClaimIndex', () => {
  it('who covers a name or a glob', () => {
    expect(index.coverer('pay-eu')).toBe('a');
    expect(index.coverer('pay-de')).toBe('a');
    expect(index.coverer('pay-e?')).toBe('a');
    expect(index.coverer('search')).toBe('b');
    expect(index.coverer('x-1')).toBe('b');
    expect(index.coverer('x-*')).toBeUndefined();
    expect(index.coverer('searc?')).toBeUndefined();
    expect(index.covers('other')).toBe(false);
  });

  it('which claims share a name with a pattern, in claim order', () => {
    expect(index.overlapping('pay-*')).toEqual([
      { pattern: 'pay-eu', team: 'a' },
      { pattern: 'pay-*', team: 'a' },
      { pattern: 'pay-us', team: 'b' },
    ]);
    expect(index.overlapping('x-12')).toEqual([]);
    expect(index.overlapping('x-1')).toEqual([{ pattern: 'x-?', team: 'b' }]);
    expect(index.overlapping('search')).toEqual([{ pattern: 'search', team: 'b' }]);
  });
});
