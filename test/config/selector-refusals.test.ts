// Selectors lezer parses but Prometheus refuses, or that break once headroom splices its own matchers after them:
// each refused with a reason (found by the fuzzer in test/fuzz, which plants them in arbitrary configs). Valid
// selectors, regular expressions included, still pass; the rules they yield are checked by promtool in test/fuzz.
import { describe, expect, it } from 'vitest';
import { parseSelector } from '../../src/values/selector.ts';

describe('parseSelector refuses', () => {
  const refused: [string, RegExp][] = [
    ['job=~"("', /regular expression Prometheus refuses: Unterminated group/],
    ['job!~"[z-a]"', /regular expression Prometheus refuses: Range out of order/],
    ['job=~"a(?=b)"', /lookaround/],
    ['job=~"(a)\\\\1"', /backreferences/],
    ['job="kubelet",', /must not end with a comma/],
    ['job="kubelet",,', /must not end with a comma/],
    ['"job"="kubelet"', /without quotes/],
    ['__name__="foo"', /must not match labels starting with __/],
    ['job="x"} or vector(1) or up{', /without braces/],
    ['job="x", __name__=~".+"', /must not match labels starting with __/],
    ['job="kubelet",\nmetrics_path="/metrics/cadvisor"', /must be on one line/],
    ['job="x} or vector(1) or up{', /not a valid list of PromQL label matchers/],
  ];
  for (const [selector, reason] of refused) {
    it(selector, () => expect(parseSelector(selector)).toMatch(reason));
  }
});

describe('parseSelector accepts', () => {
  for (const selector of [
    '',
    'job="kubelet", metrics_path="/metrics/cadvisor"',
    'job=~"kube-state-metrics|ksm-.*"',
    'job!~"a\\\\.b"',
    'job="x\\"y"',
    'job=~"a{2,3}"',
    "job=~'a{2}}'",
    'job="}{"',
  ]) {
    it(selector || '(empty)', () => expect(parseSelector(selector)).toBeUndefined());
  }
});
