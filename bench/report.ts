// The benchmark's figures as markdown tables: per part of headroom's structure, then totals against the floor.
import { FLOOR_OF, PARTS, type Part } from './rule-parts.ts';
import type { FloorPart } from './floor-rules.ts';

export interface Cost {
  rules: number;
  samples: number;
  /**
   * Prometheus CPU time for one evaluation of the part's expressions at the fixed time, seconds, without the HTTP
   * API's fixed cost per query (queryCpuSeconds less one empty query per rule): what evaluating the rules costs.
   */
  cpuSeconds: number;
  /** The same as measured over the HTTP API, one query per rule. */
  queryCpuSeconds: number;
  /** Summed median evaluation time of the rules while Prometheus ran them (rules API), seconds. */
  liveSeconds: number;
}

export interface TeamRun {
  teams: number;
  parts: Map<Part, Cost>;
  /** Median of prometheus_rule_group_last_duration_seconds of headroom's groups, summed, seconds. */
  groupSeconds: number;
}

export interface Floor {
  parts: Map<FloorPart, Cost>;
  groupSeconds: number;
}

/** Everything measured on one Prometheus engine. */
export interface EngineRun {
  version: string;
  floor: Floor;
  runs: TeamRun[];
  /** CPU of one query that reads nothing (`count(vector(1))`), seconds: the HTTP API's fixed cost per query. */
  emptyQuerySeconds: number;
  /** 1-minute load average of the machine when the data collection started, and its range over the live turns. */
  load: { before: number; live: { min: number; max: number } };
  /** What the near-limit rule without `max by` does on this data. */
  literal: string;
  checks: string;
}

function emptyCost(): Cost {
  return { rules: 0, samples: 0, cpuSeconds: 0, queryCpuSeconds: 0, liveSeconds: 0 };
}

function addCost(a: Cost, b: Cost): Cost {
  return {
    rules: a.rules + b.rules,
    samples: a.samples + b.samples,
    cpuSeconds: a.cpuSeconds + b.cpuSeconds,
    queryCpuSeconds: a.queryCpuSeconds + b.queryCpuSeconds,
    liveSeconds: a.liveSeconds + b.liveSeconds,
  };
}

function total<K>(parts: Map<K, Cost>): Cost {
  return [...parts.values()].reduce(addCost, emptyCost());
}

const ms = (seconds: number) => (seconds * 1000).toFixed(seconds < 0.01 ? 2 : seconds < 0.1 ? 1 : 0);
const ratio = (a: number, b: number) => (b === 0 ? '–' : `${(a / b).toFixed(2)}×`);
const count = (n: number) => n.toLocaleString('en-US');

function partsTable(runs: TeamRun[], floor: Floor): string {
  const rows = [
    '| teams | part | rules | samples read | × its floor rule | CPU ms | × its floor rule | CPU ms over HTTP | live ' +
      'eval ms |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [name, cost] of floor.parts) {
    rows.push(
      `| floor | ${name} (one global rule) | ${cost.rules} | ${count(cost.samples)} | 1.00× | ${ms(cost.cpuSeconds)} ` +
        `| 1.00× | ${ms(cost.queryCpuSeconds)} | ${ms(cost.liveSeconds)} |`,
    );
  }
  for (const run of runs) {
    for (const part of PARTS) {
      const cost = run.parts.get(part);
      if (!cost) continue;
      const floorCost = floor.parts.get(FLOOR_OF[part])!;
      rows.push(
        `| ${run.teams} | ${part} | ${cost.rules} | ${count(cost.samples)} | ` +
          `${ratio(cost.samples, floorCost.samples)} | ${ms(cost.cpuSeconds)} | ` +
          `${ratio(cost.cpuSeconds, floorCost.cpuSeconds)} | ${ms(cost.queryCpuSeconds)} | ${ms(cost.liveSeconds)} |`,
      );
    }
  }
  return rows.join('\n');
}

function totalsTable(runs: TeamRun[], floor: Floor): string {
  const floorTotal = total(floor.parts);
  const rows = [
    '| teams | rules | samples read | × floor | CPU ms | × floor | live group eval ms | × floor |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| floor | ${floorTotal.rules} | ${count(floorTotal.samples)} | 1.00× | ${ms(floorTotal.cpuSeconds)} | 1.00× | ` +
      `${ms(floor.groupSeconds)} | 1.00× |`,
  ];
  for (const run of runs) {
    const t = total(run.parts);
    rows.push(
      `| ${run.teams} | ${t.rules} | ${count(t.samples)} | ${ratio(t.samples, floorTotal.samples)} | ` +
        `${ms(t.cpuSeconds)} | ${ratio(t.cpuSeconds, floorTotal.cpuSeconds)} | ${ms(run.groupSeconds)} | ` +
        `${ratio(run.groupSeconds, floor.groupSeconds)} |`,
    );
  }
  return rows.join('\n');
}

/**
 * Each alert's whole chain (the rules it needs, namespace ownership counted with near-limit) against its floor rule.
 */
function chainsTable(runs: TeamRun[], floor: Floor): string {
  const rows = [
    '| teams | chain | rules | samples read | × floor rule | CPU ms | × floor rule |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const run of runs) {
    for (const [floorPart, floorCost] of floor.parts) {
      const chain = PARTS.filter((part) => FLOOR_OF[part] === floorPart)
        .map((part) => run.parts.get(part) ?? emptyCost())
        .reduce(addCost, emptyCost());
      rows.push(
        `| ${run.teams} | ${floorPart} | ${chain.rules} | ${count(chain.samples)} | ` +
          `${ratio(chain.samples, floorCost.samples)} | ${ms(chain.cpuSeconds)} | ` +
          `${ratio(chain.cpuSeconds, floorCost.cpuSeconds)} |`,
      );
    }
  }
  return rows.join('\n');
}

/** Per engine and team count: the two figures issue 8 sets a target for (≤ 1.25× the floor), and the rule count. */
export function summaryTable(engines: EngineRun[]): string {
  const rows = [
    '| Prometheus | teams | rules | samples read × floor | CPU per evaluation | × floor | live group time | × floor |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const engine of engines) {
    const floorTotal = total(engine.floor.parts);
    rows.push(
      `| ${engine.version} | floor | ${floorTotal.rules} | 1.00× | ${ms(floorTotal.cpuSeconds)} ms | 1.00× | ` +
        `${ms(engine.floor.groupSeconds)} ms | 1.00× |`,
    );
    for (const run of engine.runs) {
      const t = total(run.parts);
      rows.push(
        `| ${engine.version} | ${count(run.teams)} | ${count(t.rules)} | ${ratio(t.samples, floorTotal.samples)} | ` +
          `${ms(t.cpuSeconds)} ms | ${ratio(t.cpuSeconds, floorTotal.cpuSeconds)} | ${ms(run.groupSeconds)} ms | ` +
          `${ratio(run.groupSeconds, engine.floor.groupSeconds)} |`,
      );
    }
  }
  return rows.join('\n');
}

export function engineSection(engine: EngineRun): string {
  const { before, live } = engine.load;
  const load = [
    `Load average ${before.toFixed(1)} when the data collection started,`,
    `${live.min.toFixed(1)}–${live.max.toFixed(1)} at the end of the rule files' live turns.`,
    `One empty query (\`count(vector(1))\`) costs ${ms(engine.emptyQuerySeconds)} ms CPU over the HTTP API`,
    '(the mean of many in a row, garbage collections included).',
  ].join(' ');
  return `## Prometheus ${engine.version}

${load}

### Totals

${totalsTable(engine.runs, engine.floor)}

### Per alert chain (namespace ownership counted with near-limit)

${chainsTable(engine.runs, engine.floor)}

### Per part

${partsTable(engine.runs, engine.floor)}

Checks: ${engine.checks}`;
}
