// The claim index answers as the pairwise pattern checks it replaces: a name is covered by itself or a glob,
// never by another name; overlaps come back in claim order, exact names and globs alike.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ClaimIndex } from '../../src/diff/claim-index.ts';
import { patternCovers } from '../../src/values/name-pattern.ts';

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

describe('ClaimIndex over globs', () => {
  // Patterns over a small alphabet, so that globs often cover one another: literal starts and ends, `?`, `*`.
  const pattern = fc
    .array(fc.constantFrom('a', 'b', '-', '*', '?'), { minLength: 1, maxLength: 6 })
    .map((chars) => chars.join(''));
  const teams = fc.array(fc.array(pattern, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 });

  test.prop([teams, fc.array(pattern, { maxLength: 8 })])(
    'who covers a pattern: the claims the pairwise check finds, in claim order',
    (claims, queries) => {
      const index = new ClaimIndex(claims.map((patterns, i) => [`t${i}`, patterns] as const));
      const all = claims.flatMap((patterns, i) => patterns.map((claimed) => `${claimed} t${i}`));
      for (const query of [...queries, ...claims.flat()]) {
        const pairwise = all.filter((claim) => patternCovers(claim.split(' ')[0]!, query));
        expect(index.coverers(query).map((claim) => `${claim.pattern} ${claim.team}`)).toEqual(pairwise);
        expect(index.covers(query)).toBe(pairwise.length > 0);
      }
    },
  );

  it('a fleet of 10,000 teams, 4 globs each: who covers each of their claims, in a lookup each', () => {
    // Trying every glob for every claim (the index before it filed globs by their ends) took minutes here; the loop
    // stops at a deadline so that such an index fails the test rather than hanging it.
    const claims = Array.from({ length: 10_000 }, (_, i) => {
      const team = `team-${String(i).padStart(5, '0')}`;
      return [team, [team, `${team}-web-*`, `${team}-*-eu`, `*-${team}`, `${team}-batch-?`]] as const;
    });
    const index = new ClaimIndex(claims);
    const deadline = performance.now() + 10_000;
    let covered = 0;
    for (const [, patterns] of claims) {
      for (const claimed of patterns) covered += index.coverers(claimed).length;
      if (performance.now() > deadline) break;
    }
    expect(covered).toBe(50_000);
    expect(index.coverers('team-00042-web-x-eu').map((claim) => claim.pattern)).toEqual([
      'team-00042-web-*',
      'team-00042-*-eu',
    ]);
  });
});
