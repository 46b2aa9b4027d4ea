// The indexed conflict search must give exactly what comparing every claim with every earlier one gives.
import { describe, expect, it } from 'vitest';
import { matchesPattern, patternsOverlap } from '../../src/values/name-pattern.ts';
import { NAMESPACE_NAMES, NODE_NAMES, type NameSyntax } from '../../src/values/name-syntax.ts';
import { type Claim, firstEarlierConflicts } from '../../src/model/claim-conflicts.ts';
import { LiteralIndex } from '../../src/model/literal-index.ts';

/** The pairwise check: the first earlier claim of another owner whose pattern and cluster scope both overlap. */
function pairwise(claims: readonly Claim[], names: NameSyntax = NAMESPACE_NAMES): number[] {
  const scopesOverlap = (a: readonly string[], b: readonly string[]) =>
    a.length === 0 || b.length === 0 || a.some((x) => b.some((y) => patternsOverlap(x, y)));
  return claims.map((claim, i) =>
    claims
      .slice(0, i)
      .findIndex(
        (earlier) =>
          earlier.owner !== claim.owner &&
          patternsOverlap(earlier.pattern, claim.pattern, names) &&
          scopesOverlap(earlier.clusters, claim.clusters),
      ),
  );
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Patterns over a tiny alphabet, so that prefixes, suffixes and overlaps collide often. */
function pattern(next: () => number, alphabet: string, maxLength: number): string {
  const symbols = `${alphabet}**??`;
  const length = 1 + Math.floor(next() * maxLength);
  return Array.from(
    { length },
    () => symbols[Math.floor(next() * (next() < 0.6 ? alphabet.length : symbols.length))],
  ).join('');
}

function claimSet(seed: number, size: number): Claim[] {
  const next = random(seed);
  return Array.from({ length: size }, () => {
    const scoped = next() < 0.4;
    const clusters = scoped ? Array.from({ length: 1 + Math.floor(next() * 2) }, () => pattern(next, 'pe', 3)) : [];
    // A few owners, so that claims of one owner (which never conflict) meet often.
    return { pattern: pattern(next, 'ab-', 5), clusters, owner: Math.floor(next() * 6) };
  });
}

describe('firstEarlierConflicts', () => {
  it('agrees with the pairwise check on random pattern sets with cluster scopes', () => {
    let conflicts = 0;
    let clean = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const claims = claimSet(seed, 2 + (seed % 40));
      const names = seed % 2 === 0 ? NAMESPACE_NAMES : NODE_NAMES;
      const expected = pairwise(claims, names);
      expect(firstEarlierConflicts(claims, names), `seed ${seed}: ${JSON.stringify(claims)}`).toEqual(expected);
      conflicts += expected.filter((i) => i >= 0).length;
      clean += expected.filter((i) => i < 0).length;
    }
    // The sets exercise both answers, not only one.
    expect(conflicts).toBeGreaterThan(500);
    expect(clean).toBeGreaterThan(500);
  });

  it('agrees with the pairwise check on fleet-like names (exact names, prefix and suffix globs)', () => {
    const next = random(7);
    const teams = ['pay', 'pay-eu', 'search', 'se', 'shop'];
    const shapes = [
      (t: string) => t,
      (t: string) => `${t}-*`,
      (t: string) => `*-${t}`,
      (t: string) => `${t}-*-eu`,
      (t: string) => `${t}-?`,
      (t: string) => `${t}-db`,
    ];
    for (let round = 0; round < 100; round++) {
      const claims = Array.from(
        { length: 30 },
        (_, i): Claim => ({
          pattern: shapes[Math.floor(next() * shapes.length)]!(teams[Math.floor(next() * teams.length)]!),
          clusters: next() < 0.3 ? [['prod-eu-*'], ['prod-us-1'], ['prod-*', 'staging']][Math.floor(next() * 3)]! : [],
          owner: i,
        }),
      );
      expect(firstEarlierConflicts(claims, NAMESPACE_NAMES)).toEqual(pairwise(claims));
    }
  });

  it('names the first earlier claim, and a claim scoped elsewhere does not conflict', () => {
    const claims: Claim[] = [
      { pattern: 'payments', clusters: ['prod-eu-*'], owner: 0 },
      { pattern: 'payments', clusters: ['prod-us-*'], owner: 1 },
      { pattern: 'pay*', clusters: [], owner: 2 },
      { pattern: 'payments', clusters: ['prod-us-2'], owner: 3 },
      { pattern: 'search', clusters: ['prod-eu-1', 'prod-us-1'], owner: 4 },
    ];
    expect(firstEarlierConflicts(claims, NAMESPACE_NAMES)).toEqual([-1, -1, 0, 1, -1]);
  });

  it('web-frontend and web-* of one team: no conflict (a team owns the name once); of two teams: a conflict', () => {
    const oneTeam: Claim[] = [
      { pattern: 'web-*', clusters: [], owner: 0 },
      { pattern: 'web-frontend', clusters: [], owner: 0 },
      { pattern: 'web-frontend', clusters: [], owner: 0 },
    ];
    expect(firstEarlierConflicts(oneTeam, NAMESPACE_NAMES)).toEqual([-1, -1, -1]);
    expect(
      firstEarlierConflicts([...oneTeam, { pattern: 'web-frontend', clusters: [], owner: 1 }], NAMESPACE_NAMES),
    ).toEqual([-1, -1, -1, 0]);
  });

  it('a×40* and *b×30 (70 characters at least): no namespace matches both, so no conflict; node names (253) do', () => {
    const claims: Claim[] = [
      { pattern: `${'a'.repeat(40)}*`, clusters: [], owner: 0 },
      { pattern: `*${'b'.repeat(30)}`, clusters: [], owner: 1 },
    ];
    expect(firstEarlierConflicts(claims, NAMESPACE_NAMES)).toEqual([-1, -1]);
    expect(firstEarlierConflicts(claims, NODE_NAMES)).toEqual([-1, 0]);
  });
});

describe('LiteralIndex', () => {
  it('finds exactly the keys that are a prefix of a key or start with it', () => {
    const next = random(3);
    const keys = Array.from({ length: 200 }, () =>
      Array.from({ length: Math.floor(next() * 4) }, () => 'ab'[Math.floor(next() * 2)]).join(''),
    );
    const index = new LiteralIndex(keys);
    keys.forEach((key, id) => {
      const expected = keys.flatMap((other, j) => (key.startsWith(other) || other.startsWith(key) ? [j] : []));
      expect([...index.compatible(id)].sort((a, b) => a - b)).toEqual(expected);
      expect(index.countCompatible(id)).toBe(expected.length);
    });
  });
});

describe('patternsOverlap', () => {
  it('finds every overlap a common name proves (its quick literal checks never wrongly say no)', () => {
    const next = random(11);
    const patterns = Array.from({ length: 60 }, () => pattern(next, 'ab', 4));
    const names = [''];
    for (let length = 1; length <= 6; length++)
      names.push(
        ...names.filter((name) => name.length === length - 1).flatMap((name) => [`${name}a`, `${name}b`, `${name}c`]),
      );
    for (const a of patterns) {
      const matchA = names.filter((name) => matchesPattern(name, a));
      for (const b of patterns) {
        if (matchA.some((name) => matchesPattern(name, b))) expect(patternsOverlap(a, b), `${a} ~ ${b}`).toBe(true);
      }
    }
  });
});
