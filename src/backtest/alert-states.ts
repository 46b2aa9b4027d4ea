// Prometheus' `for`, evaluation by evaluation (rules/alerting.go): a label set the expression returns and was not
// active becomes pending, active since that evaluation; it fires at the first evaluation at least `for` after that
// (at once without `for`); an evaluation that does not return it ends it, pending or firing. `keep_firing_for` is
// not modelled: headroom's rules do not set it.
import type { Labels, Present } from './episodes.ts';

export class AlertStates {
  private readonly activeAt = new Map<string, number>();

  /** `holdSeconds`: the rule's `for` in seconds (0 without). */
  constructor(private readonly holdSeconds: number) {}

  /** The state at evaluation `time` of each label set the expression returned then (by key); forgets the others. */
  evaluate(time: number, returned: ReadonlyMap<string, Labels>): Map<string, Present> {
    for (const key of this.activeAt.keys()) if (!returned.has(key)) this.activeAt.delete(key);
    const present = new Map<string, Present>();
    for (const [key, labels] of returned) {
      const since = this.activeAt.get(key) ?? time;
      this.activeAt.set(key, since);
      present.set(key, { labels, state: time - since >= this.holdSeconds ? 'firing' : 'pending' });
    }
    return present;
  }
}
