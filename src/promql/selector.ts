// Vector selectors and their label matchers: `selector('up', eq('job', 'kubelet'), re('pod', 'web-.*'))` is
// `up{job="kubelet", pod=~"web-.*"}`. Matchers print in the order given.
import type { Matcher, MatchOp, Selector } from './expr.ts';
import { checkLabelName, checkMetricName } from './names.ts';
import { quote } from './quote.ts';

export function matcher(label: string, op: MatchOp, value: string): Matcher {
  quote(value);
  return { label: checkLabelName(label), op, value };
}

export const eq = (label: string, value: string) => matcher(label, '=', value);
export const neq = (label: string, value: string) => matcher(label, '!=', value);
export const re = (label: string, regex: string) => matcher(label, '=~', regex);
export const nre = (label: string, regex: string) => matcher(label, '!~', regex);

/** `metric{matchers}`; without a metric name (undefined), `{matchers}`, which needs at least one matcher. */
export function selector(metric: string | undefined, ...matchers: readonly Matcher[]): Selector {
  if (metric === undefined && matchers.length === 0) throw new Error('PromQL: a selector needs a metric or a matcher');
  return { kind: 'selector', metric: metric === undefined ? undefined : checkMetricName(metric), matchers };
}

/** The selector with `more` matchers after its own. */
export function withMatchers(base: Selector, ...more: readonly Matcher[]): Selector {
  return { ...base, matchers: [...base.matchers, ...more] };
}
