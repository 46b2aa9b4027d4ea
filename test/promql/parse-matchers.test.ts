// Configured matcher text read into matchers: what the rules splice into selectors today comes out the same from the
// tree, and any matchers the printer writes read back as themselves.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { eq, type Matcher, matcher, parseMatchers, print, re, selector } from '../../src/promql/index.ts';
import { seedOf } from '../fuzz/fuzz-budget.ts';
import { anyString } from './arbitraries.ts';

describe('parseMatchers', () => {
  it("reads the repository's configured selectors into the selectors the rules print today", () => {
    const cadvisor = parseMatchers('job="kubelet", metrics_path="/metrics/cadvisor"');
    expect(cadvisor).toEqual([eq('job', 'kubelet'), eq('metrics_path', '/metrics/cadvisor')]);
    expect(print(selector('container_memory_working_set_bytes', ...cadvisor, matcher('container', '!=', '')))).toBe(
      'container_memory_working_set_bytes{job="kubelet", metrics_path="/metrics/cadvisor", container!=""}',
    );
  });

  it.each<[string, Matcher[]]>([
    ['', []],
    ['  ', []],
    [` job = 'kube\\'s' , pod !~ "a|b" `, [eq('job', "kube's"), matcher('pod', '!~', 'a|b')]],
    ['a=~"x\\\\.y"', [re('a', 'x\\.y')]],
    ['a=~`x\\.y`', [re('a', 'x\\.y')]],
    ['a="\\x41\\u00e9\\U0001F600\\101\\t"', [eq('a', 'Aé😀A\t')]],
  ])('reads %j', (text, matchers) => {
    expect(parseMatchers(text)).toEqual(matchers);
  });

  it.each(['job=', '{job="x"}', 'job="x",,', '"job"="x"', 'job'])('refuses %j', (text) => {
    expect(() => parseMatchers(text)).toThrow(/is not a list of label matchers/);
  });

  const matchers = fc.array(
    fc
      .tuple(
        fc.constantFrom('job', 'on', 'group', '_a1'),
        fc.constantFrom('=', '!=', '=~', '!~') as fc.Arbitrary<Matcher['op']>,
        anyString,
      )
      .map(([label, op, value]) => matcher(label, op, value)),
    { minLength: 1, maxLength: 4 },
  );
  test.prop([matchers], { numRuns: 200, seed: seedOf() })('reads printed matchers back as themselves', (written) => {
    const text = print(selector('x', ...written));
    expect(parseMatchers(text.slice(2, -1))).toEqual(written);
  });
});
