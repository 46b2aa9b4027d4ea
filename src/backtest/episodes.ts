// Alert episodes from the states an alert is in at each evaluation: an alert (one label set) is pending or firing at
// an evaluation, or absent. An episode runs from the first evaluation it is present at (pending, or firing at once
// without `for`) to the first it is absent at again (resolved); it fired if it was ever firing. The backtest's
// states (alert-states.ts) and a ruler's own (its ALERTS series) give episodes alike, so the two compare.

export type Labels = Record<string, string>;

export type AlertState = 'pending' | 'firing';

export interface Episode {
  labels: Labels;
  /** The first evaluation it was present at (seconds since the epoch). */
  pendingAt: number;
  /** The first evaluation it was firing at; absent when it never fired. */
  firingAt?: number;
  /** The first evaluation it was absent at again; absent when it was still present at the last one. */
  endedAt?: number;
}

/** One label set's state at one evaluation. */
export interface Present {
  labels: Labels;
  state: AlertState;
}

/** The identity of a label set: its labels sorted, as Prometheus tells alerts apart. */
export function labelKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Builds episodes from one evaluation after another, in time order. */
export class EpisodeRecorder {
  private readonly open = new Map<string, Episode>();
  private readonly closed: Episode[] = [];

  /** The alerts present at evaluation `time`, by labelKey; every alert not in it is absent. */
  observe(time: number, present: ReadonlyMap<string, Present>): void {
    for (const [key, episode] of this.open) {
      if (present.has(key)) continue;
      episode.endedAt = time;
      this.closed.push(episode);
      this.open.delete(key);
    }
    for (const [key, { labels, state }] of present) {
      let episode = this.open.get(key);
      if (episode === undefined) {
        episode = { labels, pendingAt: time };
        this.open.set(key, episode);
      }
      if (state === 'firing' && episode.firingAt === undefined) episode.firingAt = time;
    }
  }

  /** Every episode so far, those still open included, by start, then labels. */
  episodes(): Episode[] {
    return [...this.closed, ...this.open.values()]
      .map((episode) => ({ ...episode }))
      .sort((a, b) => a.pendingAt - b.pendingAt || compare(labelKey(a.labels), labelKey(b.labels)));
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
