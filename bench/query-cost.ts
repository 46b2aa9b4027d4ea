// Samples read and Prometheus CPU time of rule expressions queried at one fixed time, after scraping and rule
// evaluation have stopped. Every measured item (the floor's parts, each team count's parts, the variants) is queried
// once per round, round after round, so a change in the machine's load while measuring weighs on all of them alike
// instead of on whichever part happened to run then.
import type { Prometheus } from './prometheus.ts';
import { instantQuery } from './prometheus-api.ts';

export interface QueryItem {
  key: string;
  exprs: string[];
}

export interface QueryCost {
  samples: number;
  /** Prometheus process CPU time (user + system) per round, seconds. */
  cpuSeconds: number;
}

/**
 * Expressions are wrapped in count() (which reads no samples of its own) so encoding a large result does not count.
 * Every round must read the same samples, as the data no longer moves.
 */
export async function measureRounds(prometheus: Prometheus, items: QueryItem[], time: number, rounds: number): Promise<Map<string, QueryCost>> {
  const totals = new Map<string, { samples: number | undefined; cpuSeconds: number }>(items.map((item) => [item.key, { samples: undefined, cpuSeconds: 0 }]));
  for (let round = 0; round < rounds; round++) {
    for (const item of items) {
      const total = totals.get(item.key)!;
      const before = prometheus.cpuSeconds();
      let read = 0;
      for (const expr of item.exprs) read += (await instantQuery(prometheus.port, `count(${expr})`, time)).samples;
      total.cpuSeconds += prometheus.cpuSeconds() - before;
      if (total.samples !== undefined && total.samples !== read) throw new Error(`${item.key}: samples differ between rounds at one fixed time`);
      total.samples = read;
    }
  }
  return new Map([...totals].map(([key, total]) => [key, { samples: total.samples ?? 0, cpuSeconds: total.cpuSeconds / rounds }]));
}

/** What the HTTP API adds to each query, whatever it reads: measured on queries that read nothing. */
export const EMPTY_QUERIES: QueryItem = { key: 'empty queries', exprs: Array.from({ length: 200 }, () => 'vector(1)') };
