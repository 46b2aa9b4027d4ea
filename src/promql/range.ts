// Range selectors: `range(selector('x'), '10m')` is `x[10m]`, the samples of the last ten minutes. PromQL takes a
// range only after a selector; a range over any other expression is a subquery (subquery.ts).
import type { Duration, RangeSelector, Selector } from './expr.ts';
import { checkDuration } from './names.ts';

/**
 * Grafana's interval variables: a dashboard query may range over one (`x[$__range]`), Grafana puts a duration in its
 * place before the query reaches Prometheus. A rule never has one (promtool refuses it).
 */
const GRAFANA_INTERVALS: ReadonlySet<string> = new Set(['$__range', '$__rate_interval', '$__interval']);

export function range(selector: Selector, duration: Duration): RangeSelector {
  if (selector.kind !== 'selector') throw new Error(`PromQL: a range applies to a selector, not a ${selector.kind}`);
  return { kind: 'range', selector, range: GRAFANA_INTERVALS.has(duration) ? duration : checkDuration(duration) };
}
