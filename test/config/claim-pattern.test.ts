// Namespace and node patterns no name can match are refused (they would own nothing, silently); patterns some
// name matches are accepted, and what they match agrees with matchesPattern.
import { describe, expect, it } from 'vitest';
import { namespacePattern, nodePattern } from '../../src/values/claim-pattern.ts';
import { matchesPattern } from '../../src/values/name-pattern.ts';

const problem = (schema: typeof namespacePattern, pattern: string) =>
  schema.safeParse(pattern).error?.issues[0]?.message;

describe('namespace patterns', () => {
  it.each([
    ['payments.*', /no dots/],
    ['a..b', /no dots/],
    ['Payments', /lowercase/],
    ['x'.repeat(64), /at most 63 characters/],
    ['', /must not be empty/],
    ['-a', /must be a namespace name or a glob/],
    ['a_b', /must be a namespace name or a glob/],
    ['ns/evil', /must be a namespace name or a glob/],
  ])('refuses %j', (pattern, message) => expect(problem(namespacePattern, pattern)).toMatch(message));

  it.each([
    ['payments', 'payments'],
    ['payments-*', 'payments-eu'],
    ['*', 'default'],
    ['team-?', 'team-a'],
    [`${'x'.repeat(63)}`, 'x'.repeat(63)],
    [`${'x'.repeat(63)}*`, 'x'.repeat(63)],
    [`*${'x'.repeat(62)}?`, `${'x'.repeat(62)}y`],
  ])('accepts %j, which matches %j', (pattern, name) => {
    expect(problem(namespacePattern, pattern)).toBeUndefined();
    expect(matchesPattern(name, pattern)).toBe(true);
  });
});

describe('node patterns', () => {
  it.each([
    ['pool..a', /each dot-separated part/],
    ['pool.-a', /each dot-separated part/],
    ['pool-.a', /each dot-separated part/],
    ['Node-1', /lowercase/],
    ['.pool', /must be a node name or a glob/],
    ['x'.repeat(254), /at most 253 characters/],
  ])('refuses %j', (pattern, message) => expect(problem(nodePattern, pattern)).toMatch(message));

  it.each([
    ['ip-10-0-*.ec2.internal', 'ip-10-0-1-2.ec2.internal'],
    ['search-pool-*', 'search-pool-abc'],
    ['*.*', 'a.b'],
    ['node?.x', 'node1.x'],
  ])('accepts %j, which matches %j', (pattern, name) => {
    expect(problem(nodePattern, pattern)).toBeUndefined();
    expect(matchesPattern(name, pattern)).toBe(true);
  });
});
