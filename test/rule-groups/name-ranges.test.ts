// Ranges of names as regular expressions (src/rules/name-ranges.ts) against code-point order itself, on random names
// and bounds over the alphabet of Kubernetes names, anchored as Prometheus anchors a matcher.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { byCodePoint } from '../../src/values/ordering.ts';
import {
  type NameRange,
  prefixesMeetingRanges,
  prefixMeetsRange,
  prefixWithinRange,
  rangeRegexes,
  rangesBetween,
} from '../../src/rule-groups/name-ranges.ts';

// A small alphabet with the awkward characters (the first two of the order, `.` special in a regular expression).
const name = fc.stringMatching(/^[-.09az]{1,6}$/);
const bound = fc.stringMatching(/^[-.09az]{1,4}$/);

function inRange(text: string, { from, to }: NameRange): boolean {
  return byCodePoint(text, from) >= 0 && (to === undefined || byCodePoint(text, to) < 0);
}

function matches(text: string, range: NameRange): boolean {
  return rangeRegexes(range).every((regex) => new RegExp(`^(?:${regex})$`).test(text));
}

describe('name ranges', () => {
  test.prop(
    [fc.array(fc.stringMatching(/^[-.09az]{0,4}$/), { maxLength: 30 }), fc.uniqueArray(bound, { maxLength: 5 })],
    {
      numRuns: 2000,
    },
  )('the prefixes meeting each range are those prefixMeetsRange finds, in their order', (prefixes, bounds) => {
    const ranges = rangesBetween([...bounds].sort(byCodePoint));
    expect(prefixesMeetingRanges(prefixes, ranges)).toEqual(
      ranges.map((range) => prefixes.flatMap((prefix, i) => (prefixMeetsRange(prefix, range) ? [i] : []))),
    );
  });

  test.prop([name, bound, fc.option(bound, { nil: undefined })], { numRuns: 2000 })(
    'a name matches the regexes exactly when it is in the range',
    (text, from, to) => {
      const range = { from, to };
      expect(matches(text, range)).toBe(inRange(text, range));
    },
  );

  test.prop([fc.uniqueArray(bound, { maxLength: 4 }), name])(
    'the ranges between bounds hold every name exactly once',
    (bounds, text) => {
      const ranges = rangesBetween([...bounds].sort(byCodePoint));
      expect(ranges.filter((range) => matches(text, range))).toHaveLength(1);
    },
  );

  test.prop([bound, name, bound, fc.option(bound, { nil: undefined })], { numRuns: 1000 })(
    'a prefix meets a range when some name starting with it is in it, lies within when all do',
    (prefix, rest, from, to) => {
      const range = { from, to };
      const text = prefix + rest;
      if (inRange(text, range)) expect(prefixMeetsRange(prefix, range)).toBe(true);
      if (prefixWithinRange(prefix, range)) expect(inRange(text, range)).toBe(true);
      if (prefixWithinRange(prefix, range)) expect(inRange(prefix, range)).toBe(true);
    },
  );

  it('no bound: one range, no regex', () => {
    expect(rangesBetween([])).toEqual([{ from: '', to: undefined }]);
    expect(rangeRegexes({ from: '', to: undefined })).toEqual([]);
  });
});
