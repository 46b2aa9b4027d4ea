import { describe, expect, it } from 'vitest';
import { matchesPattern, patternsOverlap } from '../../src/config/name-pattern.ts';

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
        if (names.some((name) => matchesPattern(name, a) && matchesPattern(name, b))) expect(patternsOverlap(a, b), `${a} ~ ${b}`).toBe(true);
      }
    }
  });
});

describe('matchesPattern', () => {
  it('anchors the whole name and escapes dots', () => {
    expect(matchesPattern('node-1.example.com', 'node-?.example.com')).toBe(true);
    expect(matchesPattern('node-1xexample.com', 'node-?.example.com')).toBe(false);
    expect(matchesPattern('xpayments', 'payments')).toBe(false);
  });
});
