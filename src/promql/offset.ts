// Offsets: `offset(selector('x'), '1h')` is `x offset 1h`, the series as it was an hour earlier. PromQL allows one
// offset, on a selector, a range selector or a subquery only; the type says so.
import type { Duration, Offset, RangeSelector, Selector, Subquery } from './expr.ts';
import { checkDuration } from './names.ts';

export function offset(expr: Selector | RangeSelector | Subquery, duration: Duration): Offset {
  if (!['selector', 'range', 'subquery'].includes(expr.kind))
    throw new Error(`PromQL: offset applies to a selector, a range selector or a subquery, not a ${expr.kind}`);
  return { kind: 'offset', expr, offset: checkDuration(duration) };
}
