// Vector selectors and their label matchers: `selector('up', eq('job', 'kubelet'), re('pod', 'web-.*'))` is
// `up{job="kubelet", pod=~"web-.*"}` (`matcher(label, '!~', regex)` for the fourth operator). Matchers print in the
// order given.
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

/**
 * `metric{matchers}`; without a metric name (undefined), `{matchers}`, which Prometheus takes only with a matcher that
 * no empty value matches (`job="x"`, `job!=""`), lest it select every series.
 */
export function selector(metric: string | undefined, ...matchers: readonly Matcher[]): Selector {
  if (metric === undefined && !matchers.some(excludesEmpty))
    throw new Error('PromQL: a selector without a metric name needs a matcher that the empty value does not match');
  return { kind: 'selector', metric: metric === undefined ? undefined : checkMetricName(metric), matchers };
}

/** Whether the empty value fails the matcher (regular expressions are anchored, as in PromQL). */
function excludesEmpty({ op, value }: Matcher): boolean {
  const regexMatchesEmpty = () => {
    try {
      return new RegExp(`^(?:${value})$`, 'u').test('');
    } catch {
      return true; // not a JavaScript regular expression: assume the worst
    }
  };
  if (op === '=') return value !== '';
  if (op === '!=') return value === '';
  return op === '=~' ? !regexMatchesEmpty() : regexMatchesEmpty();
}
