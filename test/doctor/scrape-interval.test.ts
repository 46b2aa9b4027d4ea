// @module-tag spawns (promtool evaluates doctor's scrape-interval query on each engine)
// The scrape interval doctor measures from `up`, evaluated by promtool on targets with known scrape times: exact for a
// target scraped longer than the 10 minutes measured and for a young one, whatever the query's time falls on.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { scrapeIntervalExpr } from '../../src/doctor/check-scrape-interval.ts';
import { eq, print } from '../../src/promql/index.ts';
import { ENGINES, promtool } from '../helpers/promtool.ts';

const dir = mkdtempSync(join(tmpdir(), 'headroom-scrape-interval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** promtool's values of a series sampled at `times` (seconds), one slot a second up to `until`. */
function sampledAt(times: readonly number[], until: number): string {
  const at = new Set(times);
  return Array.from({ length: until + 1 }, (_, second) => (at.has(second) ? '1' : '_')).join(' ');
}

const every = (interval: number, from: number, to: number) =>
  Array.from({ length: Math.floor((to - from) / interval) + 1 }, (_, i) => from + i * interval);

interface Case {
  title: string;
  times: number[];
  /** When doctor asks, in seconds. */
  at: number;
  /** The interval measured; undefined: none. */
  interval: number | undefined;
}

const CASES: Case[] = [
  { title: 'every 30 s for 20 minutes', times: every(30, 0, 1200), at: 1207, interval: 30 },
  { title: 'every 60 s for 20 minutes', times: every(60, 3, 1200), at: 1201, interval: 60 },
  { title: 'every 60 s for 4 minutes', times: every(60, 17, 257), at: 270, interval: 60 },
  { title: 'every 60 s, two samples so far, asked 3 s after the second', times: [7, 67], at: 70, interval: 60 },
  { title: 'every 15 s for 2 minutes', times: every(15, 4, 124), at: 125, interval: 15 },
  { title: 'one sample so far', times: [7], at: 30, interval: undefined },
];

describe.each(ENGINES.map((engine) => [engine.name, engine] as const))('%s', (_, engine) => {
  it.each(CASES.map((one) => [one.title, one] as const))('a target scraped %s', (__, one) => {
    const file = `${one.title.replaceAll(/\W+/g, '-')}.yaml`;
    const expr = print(scrapeIntervalExpr([eq('job', 'kubelet')]));
    const test = {
      rule_files: [],
      evaluation_interval: '1s',
      tests: [
        {
          interval: '1s',
          input_series: [
            { series: 'up{job="kubelet", instance="node-1:10250"}', values: sampledAt(one.times, one.at) },
          ],
          promql_expr_test: [
            {
              expr,
              eval_time: `${one.at}s`,
              exp_samples:
                one.interval === undefined
                  ? []
                  : [{ labels: '{job="kubelet", instance="node-1:10250"}', value: one.interval }],
            },
          ],
        },
      ],
    };
    writeFileSync(join(dir, file), stringify(test, { lineWidth: 0 }));
    const result = promtool(engine, ['test', 'rules', file], dir);
    expect(result.output).toContain('SUCCESS');
    expect(result.code).toBe(0);
  });
});
