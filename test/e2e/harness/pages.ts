// What reached the receivers of one ruler's Alertmanager, as pages: one page is one firing episode of one alert
// (its label set and startsAt), with every receiver it reached and when it first arrived. Assertions read only this
// and the rulers' APIs — never headroom's recorded series, whose names the rules may change.
import { labelSet, type Delivery, type WebhookSink } from './sink.ts';

export interface Page {
  labels: Record<string, string>;
  /** The label set as one string (sorted). */
  id: string;
  startsAt: number;
  receivers: string[];
  /** When its first firing notification arrived (ms since the epoch), and where. */
  firstAt: number;
  firstReceiver: string;
}

export type Match = Record<string, string | RegExp>;

function matches(labels: Record<string, string>, match: Match): boolean {
  return Object.entries(match).every(([name, want]) => {
    const value = labels[name];
    return value !== undefined && (typeof want === 'string' ? value === want : want.test(value));
  });
}

export class RulerPages {
  constructor(
    private readonly sink: WebhookSink,
    readonly ruler: string,
  ) {}

  /** Firing deliveries whose labels match. */
  firing(match: Match): Delivery[] {
    return this.sink.deliveries(this.ruler, (alert) => alert.status === 'firing' && matches(alert.labels, match));
  }

  /** Firing episodes of alerts whose labels match, in order of first arrival. */
  pages(match: Match): Page[] {
    const pages = new Map<string, Page>();
    for (const delivery of this.firing(match)) {
      const id = labelSet(delivery.labels);
      const startsAt = Date.parse(delivery.startsAt);
      const key = `${id} @ ${startsAt}`;
      const page = pages.get(key);
      if (page === undefined) {
        pages.set(key, {
          labels: delivery.labels,
          id,
          startsAt,
          receivers: [delivery.receiver],
          firstAt: delivery.at,
          firstReceiver: delivery.receiver,
        });
      } else if (!page.receivers.includes(delivery.receiver)) {
        page.receivers.push(delivery.receiver);
      }
    }
    return [...pages.values()].sort((a, b) => a.firstAt - b.firstAt);
  }
}

/** A page as one line for a failure message: when (seconds after `origin`), where, and its labels. */
export function describePage(page: Page, origin: number): string {
  const at = ((page.firstAt - origin) / 1000).toFixed(0);
  const starts = ((page.startsAt - origin) / 1000).toFixed(0);
  return `at ${at}s (startsAt ${starts}s) → ${page.receivers.join(' + ')}: {${page.id}}`;
}
