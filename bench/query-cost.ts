// Samples read and Prometheus CPU time of rule expressions queried at one fixed time, after scraping and rule
// evaluation have stopped. Every measured item (the floor's parts, each team count's parts) is queried
// once per round, round after round, so a change in the machine's load while measuring weighs on all of them alike
// instead of on whichever part happened to run then.
//
// Go's garbage collector runs when the heap has grown enough, on whatever query is running then: without care, one
// part pays for the garbage another left (the same expression measured 1.4 s in one round and 2.8 s in the next). So
// the heap is collected before every item, outside its measured time, and each item's figure is the median of its
// rounds, not the mean: an item that still meets a collection in one round does not move its figure.
import type { Prometheus } from './prometheus.ts';
import { median } from './median.ts';
import { collectGarbage, instantQuery } from './prometheus-api.ts';

export interface QueryItem {
  key: string;
  exprs: string[];
}

interface QueryCost {
  samples: number;
  /** Prometheus process CPU time (all threads) of one round, seconds: the median of the rounds. */
  cpuSeconds: number;
}

/**
 * Expressions are wrapped in count() (which reads no samples of its own) so encoding a large result does not count.
 * Every round must read the same samples, as the data no longer moves.
 */
export async function measureRounds(
  prometheus: Prometheus,
  items: QueryItem[],
  time: number,
  rounds: number,
): Promise<Map<string, QueryCost>> {
  const totals = new Map<string, { samples: number | undefined; cpuSeconds: number[] }>(
    items.map((item) => [item.key, { samples: undefined, cpuSeconds: [] }]),
  );
  for (let round = 0; round < rounds; round++) {
    for (const item of items) {
      const total = totals.get(item.key)!;
      await collectGarbage(prometheus.port);
      const before = prometheus.cpuSeconds();
      let read = 0;
      for (const expr of item.exprs) read += (await instantQuery(prometheus.port, `count(${expr})`, time)).samples;
      total.cpuSeconds.push(prometheus.cpuSeconds() - before);
      if (total.samples !== undefined && total.samples !== read)
        throw new Error(`${item.key}: samples differ between rounds at one fixed time`);
      total.samples = read;
    }
  }
  return new Map(
    [...totals].map(([key, total]) => [key, { samples: total.samples ?? 0, cpuSeconds: median(total.cpuSeconds) }]),
  );
}

/**
 * What the HTTP API adds to each query, whatever it reads: measured on queries that read nothing, as many as the
 * largest part sends (a rule each at 1,000 teams). Their responses fill the heap like that part's do and pay the
 * same garbage collections: 200 queries after a collection measured 0.4 ms each, 1,000 measured 2.6–3.8 ms each,
 * and subtracting the first from a part of 1,000 queries left the collections in that part's CPU.
 */
export const EMPTY_QUERIES: QueryItem = {
  key: 'empty queries',
  exprs: Array.from({ length: 1000 }, () => 'vector(1)'),
};
