// Offsets: `offset(selector('x'), '1h')` is `x offset 1h`, the series as it was an hour earlier. PromQL allows one
// offset, on a selector, a range selector or a subquery only; the type says so. A negative offset (`-30s`, later
// than the evaluation; Prometheus ≥ 2.33, VictoriaMetrics) only for backtest's subqueries, never in a rule.
import type { Duration, Offset, RangeSelector, Selector, Subquery } from './expr.ts';
import { checkDuration } from './names.ts';

export function offset(expr: Selector | RangeSelector | Subquery, duration: Duration): Offset {
  if (!['selector', 'range', 'subquery'].includes(expr.kind))
    throw new Error(`PromQL: offset applies to a selector, a range selector or a subquery, not a ${expr.kind}`);
  const sign = duration.startsWith('-') ? '-' : '';
  return { kind: 'offset', expr, offset: sign + checkDuration(duration.slice(sign.length)) };
}
