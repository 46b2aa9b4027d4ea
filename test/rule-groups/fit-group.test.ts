// Splitting a rule group too big for one Kubernetes object (src/rule-groups/fit-group.ts), on groups shaped as the
// container group is: a base recorded once, chains recorded per window (each rule reading the one before it), a rule
// of the base reading every chain, alert rules. Every part fits; a chain stays whole and in order; names stay.
import { describe, expect, it } from 'vitest';
import { binary, call, eq, print, range, selector } from '../../src/promql/index.ts';
import { fitGroup } from '../../src/rule-groups/fit-group.ts';
import type { RecordingRule, Rule, RuleGroup } from '../../src/rules/rule-types.ts';

/** What fit-group.ts lets one group hold, with room for the object's metadata under 262,144 bytes. */
const BUDGET = 200_000;
const PADDING = 'x'.repeat(120);

const base: RecordingRule[] = [
  { record: 'test:ratio', expr: print(selector('working_set', eq('padding', PADDING))) },
  // Reads every `test:oom` chain in the same evaluation.
  { record: 'test:oom_over', expr: print(binary(selector('test:oom'), '>', 0)) },
];

/** Window `i`'s chain: increase (reads the base), then the OOM increase reading it; `read` chains feed the base. */
function chain(i: number, record: string): RecordingRule[] {
  const window = `${i + 1}m`;
  return [
    {
      record: `${record}_increase`,
      expr: print(call('max_over_time', [range(selector('test:ratio', eq('padding', PADDING)), window)])),
      labels: { window },
    },
    { record, expr: print(binary(selector(`${record}_increase`, eq('window', window)), '>', 0)), labels: { window } },
  ];
}

/** A group of the base, `read` windows whose chains the base reads, `unread` windows whose chains it does not. */
function group(read: number, unread: number): RuleGroup {
  return {
    name: 'headroom-test',
    rules: [
      base[0]!,
      ...Array.from({ length: read }, (_, i) => chain(i, 'test:oom')).flat(),
      base[1]!,
      ...Array.from({ length: unread }, (_, i) => chain(i, 'test:kills')).flat(),
      { alert: 'TestAlert', expr: print(selector('test:oom_over')), labels: {}, annotations: {} },
    ],
  };
}

const size = (rules: Rule[]) => rules.reduce((sum, rule) => sum + JSON.stringify(rule).length + 16, 0);

function groupOf(parts: RuleGroup[], rule: Rule): RuleGroup {
  return parts.find((part) => part.rules.includes(rule))!;
}

function expectChainsWhole(parts: RuleGroup[]): void {
  for (const part of parts) {
    part.rules.forEach((rule, i) => {
      if (!('record' in rule) || rule.labels === undefined || rule.record.endsWith('_increase')) return;
      // The increase it reads is in its group, before it.
      const read = part.rules.findIndex(
        (other) =>
          'record' in other &&
          other.record === `${rule.record}_increase` &&
          other.labels?.window === rule.labels?.window,
      );
      expect(read, `${rule.record}{window=${rule.labels.window}} in ${part.name}`).toBeGreaterThanOrEqual(0);
      expect(read).toBeLessThan(i);
    });
  }
}

describe('a group whose recording rules alone would not fit one object', () => {
  it('is one group while it fits', () => {
    const small = group(3, 3);
    expect(fitGroup(small)).toEqual([small]);
  });

  it('keeps its base, and the chains the base reads while they fit, and moves the other chains whole', () => {
    const big = group(40, 2000);
    expect(size(big.rules.filter((rule) => 'record' in rule))).toBeGreaterThan(BUDGET);
    const parts = fitGroup(big);
    for (const part of parts) expect(size(part.rules), part.name).toBeLessThanOrEqual(BUDGET);
    const [first] = parts;
    expect(first!.name).toBe('headroom-test');
    // The base and the 40 chains it reads, in their order; nothing else.
    expect(first!.rules).toEqual(big.rules.slice(0, 2 + 80));
    expect(parts.filter((part) => part.name.startsWith('headroom-test-recordings')).length).toBeGreaterThan(2);
    expectChainsWhole(parts);
    expect(parts.flatMap((part) => part.rules)).toHaveLength(big.rules.length);
  });

  it('moves the chains the base reads too when they no longer fit beside it; every part still fits', () => {
    const huge = group(2000, 2000);
    const parts = fitGroup(huge);
    for (const part of parts) expect(size(part.rules), part.name).toBeLessThanOrEqual(BUDGET);
    expect(parts[0]!.rules).toEqual(base);
    expectChainsWhole(parts);
    expect(parts.flatMap((part) => part.rules)).toHaveLength(huge.rules.length);
  });

  it('one more window changes the part it falls in, or two, not every part after it', () => {
    const before = fitGroup(group(40, 2000));
    const after = fitGroup(group(40, 2001));
    const same = (a: RuleGroup, b: RuleGroup | undefined) => JSON.stringify(a) === JSON.stringify(b);
    const changed = after.filter(
      (part) =>
        !same(
          part,
          before.find((other) => other.name === part.name),
        ),
    );
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThanOrEqual(3);
    expect(after.length - before.length).toBeLessThanOrEqual(1);
  });

  it('keeps the alert rules apart from the recordings, each in a group of alert rules', () => {
    const parts = fitGroup(group(40, 2000));
    const alert = parts.flatMap((part) => part.rules).find((rule) => 'alert' in rule)!;
    expect(groupOf(parts, alert).name).toBe('headroom-test-alerts');
  });
});
