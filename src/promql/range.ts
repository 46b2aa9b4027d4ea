// Range selectors: `range(selector('x'), '10m')` is `x[10m]`, the samples of the last ten minutes. PromQL takes a
// range only after a selector; a range over any other expression is a subquery (subquery.ts).
import type { Duration, RangeSelector, Selector } from './expr.ts';
import { checkDuration } from './names.ts';

export function range(selector: Selector, duration: Duration): RangeSelector {
  if (selector.kind !== 'selector') throw new Error(`PromQL: a range applies to a selector, not a ${selector.kind}`);
  return { kind: 'range', selector, range: checkDuration(duration) };
}
