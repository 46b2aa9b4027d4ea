import { describe, expect, it } from 'vitest';
import { matchesPattern, patternsOverlap } from '../../src/values/name-pattern.ts';
import {
  dnsLabels,
  dnsSubdomains,
  isValidName,
  NAMESPACE_NAMES,
  type NameSyntax,
  NODE_NAMES,
} from '../../src/values/name-syntax.ts';

describe('patternsOverlap', () => {
  it.each([
    ['payments', 'payments', true],
    ['payments', 'search', false],
    ['payments-*', 'payments-eu', true],
    ['payments-*', 'payments', false],
    ['payments-*', '*-eu', true],
    ['payments-*', 'search-*', false],
    ['*-prod', '*-staging', false],
    ['a*b', 'a*c', false],
    ['a*', '*b', true],
    ['team-?', 'team-10', false],
    ['team-?', 'team-*', true],
    ['*', 'anything', true],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'acb', false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(patternsOverlap(a, b)).toBe(expected);
    expect(patternsOverlap(b, a)).toBe(expected);
  });

  it('agrees with matching on concrete witnesses', () => {
    const names = ['payments', 'payments-eu', 'search-eu', 'a', 'ab', 'abc', 'team-1', 'team-10'];
    const patterns = ['payments*', '*-eu', 'a?', 'a*c', 'team-?', 'team-1*', 'search'];
    for (const a of patterns) {
      for (const b of patterns) {
        if (names.some((name) => matchesPattern(name, a) && matchesPattern(name, b)))
          expect(patternsOverlap(a, b), `${a} ~ ${b}`).toBe(true);
      }
    }
  });
});

describe('patternsOverlap on valid names only (namespace names: 63 characters, node names: 253)', () => {
  // The last column: any text of any length (cluster names), where a common string is enough.
  it.each([
    [`${'a'.repeat(40)}*`, `*${'b'.repeat(30)}`, false, true, true],
    [`${'a'.repeat(31)}*`, `*${'b'.repeat(32)}`, true, true, true],
    [`${'a'.repeat(32)}*`, `*${'b'.repeat(32)}`, false, true, true],
    [`${'a'.repeat(200)}*`, `*${'b'.repeat(60)}`, false, false, true],
    ['?a', '*-a', false, false, true],
    ['a?c', 'a.*', false, true, true],
    ['a*', '*-', false, false, true],
    ['web-*', 'web-frontend', true, true, true],
    ['*', `${'x'.repeat(63)}`, true, true, true],
  ])('%s ~ %s: namespaces %s, nodes %s, any text %s', (a, b, namespaces, nodes, anyText) => {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      expect(patternsOverlap(x, y, NAMESPACE_NAMES)).toBe(namespaces);
      expect(patternsOverlap(x, y, NODE_NAMES)).toBe(nodes);
      expect(patternsOverlap(x, y)).toBe(anyText);
    }
  });

  /** Every string over the alphabet up to the length: what "some valid name" ranges over, in a small syntax. */
  function strings(alphabet: string, maxLength: number): string[] {
    const all = [''];
    for (let length = 1; length <= maxLength; length++)
      all.push(
        ...all.filter((text) => text.length === length - 1).flatMap((text) => [...alphabet].map((char) => text + char)),
      );
    return all;
  }

  it.each([
    ['DNS labels of at most 4 characters', dnsLabels(4), 'ab-'],
    ['DNS subdomains of at most 5 characters', dnsSubdomains(5), 'a-.'],
  ])(
    'is exactly "some valid name matches both" for every pair of small patterns: %s',
    (_, syntax: NameSyntax, alphabet) => {
      const names = strings(alphabet, syntax.maxLength + 2).filter((name) => isValidName(name, syntax));
      expect(names.every((name) => name.length <= syntax.maxLength)).toBe(true);
      const patterns = strings(`${alphabet}*?`, 3).filter((pattern) => pattern !== '');
      let overlapping = 0;
      for (const a of patterns) {
        const matchA = names.filter((name) => matchesPattern(name, a));
        for (const b of patterns) {
          const expected = matchA.some((name) => matchesPattern(name, b));
          expect(patternsOverlap(a, b, syntax), `${a} ~ ${b}`).toBe(expected);
          if (expected) overlapping += 1;
        }
      }
      // Both answers are exercised.
      expect(overlapping).toBeGreaterThan(patterns.length);
      expect(overlapping).toBeLessThan(patterns.length ** 2 / 2);
    },
  );
});

describe('matchesPattern', () => {
  it('anchors the whole name and escapes dots', () => {
    expect(matchesPattern('node-1.example.com', 'node-?.example.com')).toBe(true);
    expect(matchesPattern('node-1xexample.com', 'node-?.example.com')).toBe(false);
    expect(matchesPattern('xpayments', 'payments')).toBe(false);
  });
});
