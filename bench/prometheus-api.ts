// The HTTP API calls the benchmark makes: instant queries with query statistics, and the rules' evaluation times.

interface QueryCost {
  /** stats.samples.totalQueryableSamples: samples the engine read from storage for the query. */
  samples: number;
  /** stats.timings.evalTotalTime, seconds. */
  seconds: number;
  resultSeries: number;
}

export class QueryFailed extends Error {}

/** Instant query at `time` (unix seconds) with `stats=all` (Prometheus ≥ 2.35). POST: expressions can be long. */
export async function instantQuery(port: number, expr: string, time: number): Promise<QueryCost> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ query: expr, time: String(time), stats: 'all' }),
  });
  const body = (await response.json()) as {
    status: string;
    error?: string;
    data?: {
      result: unknown[];
      stats?: { timings: { evalTotalTime: number }; samples?: { totalQueryableSamples: number } };
    };
  };
  if (body.status !== 'success' || !body.data) throw new QueryFailed(body.error ?? `HTTP ${response.status}`);
  const stats = body.data.stats;
  if (!stats?.samples) throw new Error('this Prometheus returns no stats.samples (needs 2.35 or later)');
  return {
    samples: stats.samples.totalQueryableSamples,
    seconds: stats.timings.evalTotalTime,
    resultSeries: body.data.result.length,
  };
}

/** Value of a query returning one scalar-like series (e.g. `count(...)`); 0 when empty. */
export async function instantValue(port: number, expr: string, time: number): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ query: expr, time: String(time) }),
  });
  const body = (await response.json()) as {
    status: string;
    error?: string;
    data?: { result: { value: [number, string] }[] };
  };
  if (body.status !== 'success' || !body.data) throw new QueryFailed(body.error ?? `HTTP ${response.status}`);
  return Number(body.data.result[0]?.value[1] ?? 0);
}

export interface RuleStatus {
  file: string;
  group: string;
  index: number;
  seconds: number;
  health: string;
  lastError: string;
}

export interface GroupStatus {
  file: string;
  group: string;
  /** Duration of the group's last evaluation, seconds. */
  seconds: number;
  rules: RuleStatus[];
}

export async function ruleGroups(port: number): Promise<GroupStatus[]> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/rules`);
  const body = (await response.json()) as {
    data: {
      groups: {
        name: string;
        file: string;
        evaluationTime: number;
        rules: { evaluationTime: number; health: string; lastError?: string }[];
      }[];
    };
  };
  return body.data.groups.map((group) => ({
    file: group.file,
    group: group.name,
    seconds: group.evaluationTime,
    rules: group.rules.map((rule, index) => ({
      file: group.file,
      group: group.name,
      index,
      seconds: rule.evaluationTime,
      health: rule.health,
      lastError: rule.lastError ?? '',
    })),
  }));
}
