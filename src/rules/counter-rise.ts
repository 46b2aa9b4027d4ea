// How much a counter rose within a window, the same on Prometheus and on vmalert. `increase()` alone is not: MetricsQL
// counts the first value of a flat counter below 10 as a rise from 0 when a series starts, and again, for a whole
// window, when it resumes after a gap longer than the window (VictoriaMetrics' rollupDelta). A restart counter at 3
// whose last reason is OOMKilled would then page at every deployment and after every outage of kube-state-metrics or
// of the ruler.
//
// The highest value in the window less the lowest is exact on both engines: a series' first sample is never a rise, a
// pod killed minutes after its start (first scraped at 0) is, a flat series after a gap is not, and a series that ended
// within the window (the OOM counter of a killed container's old cgroup, a deleted pod's restarts) still counts until
// the window has passed it. Whole numbers, compared `> 0`. It is not reset-aware: for counters that go back to 0 under
// the same labels (cadvisor's and the kubelet's after a kubelet restart), `increase() > 0` is added as a condition —
// both engines count a reset as no rise, and a flat counter never passes the first condition.
import { binary, call, type Duration, type Expr, range, type Selector } from '../promql/index.ts';

/** The rise of each series of `counter` within `window`, where it rose; `resets`: see the file comment. */
export function riseWithin(counter: Selector, window: Duration, { resets }: { resets: boolean }): Expr {
  const over = (fn: string) => call(fn, [range(counter, window)]);
  const rise = binary(binary(over('max_over_time'), '-', over('min_over_time')), '>', 0);
  return resets ? binary(rise, 'and', binary(over('increase'), '>', 0)) : rise;
}
