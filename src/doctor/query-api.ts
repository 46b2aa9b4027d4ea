// The live store's query API, as doctor and backtest ask it: instant queries (`/api/v1/query`) and range queries
// (`/api/v1/query_range`, backtest's), which Prometheus, the Thanos querier, Mimir (with X-Scope-OrgID) and
// VictoriaMetrics all serve alike. Auth as users have it: a bearer token or
// basic auth from the environment (never a flag, so it stays out of shell history and CI logs), extra headers, a CA
// file; every request has a timeout. A store that cannot be asked is an input problem (exit 2), said in one line.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { StoreError } from './store-error.ts';

/** Environment variables doctor reads credentials from. */
const CREDENTIAL_VARIABLES = {
  token: 'HEADROOM_PROMETHEUS_TOKEN',
  username: 'HEADROOM_PROMETHEUS_USERNAME',
  password: 'HEADROOM_PROMETHEUS_PASSWORD',
} as const;

interface QueryApiOptions {
  /** Base URL of the store, e.g. http://prometheus:9090 or https://mimir.example/prometheus. */
  url: string;
  /** Extra request headers, e.g. X-Scope-OrgID for Mimir. */
  headers?: Record<string, string>;
  /** A PEM file of the CAs to trust for https. */
  caFile?: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** One series of an instant vector: its labels and value. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

export interface QueryApi {
  /** The instant vector `expr` evaluates to now (a scalar comes back as one sample without labels). */
  query(expr: string): Promise<Sample[]>;
  /** How many queries were sent: doctor's cost, reported. */
  readonly queries: number;
}

/** One series of a range query: its labels and its points, oldest first (times in seconds since the epoch). */
export interface Series {
  labels: Record<string, string>;
  points: { time: number; value: number }[];
}

/** The evaluation times of a range query: start, start + step, … up to end (seconds since the epoch). */
export interface QueryRange {
  start: number;
  end: number;
  step: number;
}

export interface RangeQueryApi extends QueryApi {
  /** The store's address as messages and reports show it: without credentials. */
  readonly store: string;
  /** The series `expr` has at any step of the range, each with the steps it has a value at. */
  queryRange(expr: string, range: QueryRange): Promise<Series[]>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** Node's timers hold at most 2^31 - 1 ms (about 24 days); a longer timeout would fire at once, with a warning. */
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1;

export function queryApi(options: QueryApiOptions): RangeQueryApi {
  const base = parseBase(options.url);
  const headers = { ...authHeaders(options.env ?? process.env), ...options.headers, Accept: 'application/json' };
  const ca = options.caFile === undefined ? undefined : readCa(options.caFile);
  const timeoutMs = Math.min(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, LONGEST_TIMEOUT_MS);
  let queries = 0;
  const ask = async (path: string, expr: string, parameters: Record<string, string>) => {
    queries += 1;
    const url = new URL(`${base.pathname.replace(/\/$/, '')}/api/v1/${path}`, base);
    const body = new URLSearchParams({ query: expr, ...parameters }).toString();
    return resultOf(await post(url, body, { headers, ca, timeoutMs }), expr, base);
  };
  return {
    store: shown(base).replace(/\/$/, ''),
    get queries() {
      return queries;
    },
    async query(expr) {
      return samplesOf(await ask('query', expr, {}), expr, base);
    },
    async queryRange(expr, { start, end, step }) {
      const range = { start: String(start), end: String(end), step: String(step) };
      return seriesOf(await ask('query_range', expr, range), expr, base);
    },
  };
}

function parseBase(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw inputError(`--prometheus: ${JSON.stringify(text)} is not a URL (e.g. http://prometheus:9090)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw inputError(`--prometheus: ${url.protocol} is not http or https`);
  return url;
}

function authHeaders(env: NodeJS.ProcessEnv): Record<string, string> {
  const token = env[CREDENTIAL_VARIABLES.token];
  const username = env[CREDENTIAL_VARIABLES.username];
  const password = env[CREDENTIAL_VARIABLES.password];
  if (token && username)
    throw inputError(
      `${CREDENTIAL_VARIABLES.token} and ${CREDENTIAL_VARIABLES.username} are both set: use a token or basic auth`,
    );
  if (token) return { Authorization: `Bearer ${token}` };
  if (username) return { Authorization: `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}` };
  if (password) throw inputError(`${CREDENTIAL_VARIABLES.password} is set without ${CREDENTIAL_VARIABLES.username}`);
  return {};
}

function readCa(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw inputError(`--ca-file: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

interface HttpResponse {
  status: number;
  text: string;
}

function post(
  url: URL,
  body: string,
  options: { headers: Record<string, string>; ca: string | undefined; timeoutMs: number },
): Promise<HttpResponse> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: {
          ...options.headers,
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body),
        },
        ...(options.ca === undefined ? {} : { ca: options.ca }),
        timeout: options.timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', (error) => reject(unreachable(url, error)));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutMs / 1000} s`)));
    request.on('error', (error) => reject(unreachable(url, error)));
    request.end(body);
  });
}

interface QueryResult {
  resultType?: string;
  result?: unknown;
}

/** The data of a successful answer; a store error, in one line, for any other. */
function resultOf(response: HttpResponse, expr: string, base: URL): QueryResult {
  // A proxy in front of the store refuses with its own page, JSON or not.
  if (response.status === 401 || response.status === 403)
    throw inputError(
      `${shown(base)} refused the query (HTTP ${response.status}): set ${CREDENTIAL_VARIABLES.token}, or ` +
        `${CREDENTIAL_VARIABLES.username} and ${CREDENTIAL_VARIABLES.password}, or the header your store needs`,
    );
  const failed = inputError(`${shown(base)} answered HTTP ${response.status}: the store (or a proxy before it) failed`);
  const notTheApi = inputError(
    `${shown(base)} answered HTTP ${response.status} with no Prometheus API JSON: is it the query API's base URL?`,
  );
  let parsed: { status?: unknown; error?: string; data?: QueryResult };
  try {
    parsed = JSON.parse(response.text);
  } catch {
    throw response.status >= 500 ? failed : notTheApi;
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed.status !== 'success' && parsed.status !== 'error'))
    throw response.status >= 500 ? failed : notTheApi;
  if (parsed.status === 'error')
    throw inputError(`${shown(base)} refused ${oneLine(expr)}: ${parsed.error ?? `HTTP ${response.status}`}`);
  return parsed.data ?? {};
}

function samplesOf({ resultType, result }: QueryResult, expr: string, base: URL): Sample[] {
  if (resultType === 'scalar') return [{ labels: {}, value: Number((result as [number, string])[1]) }];
  if (resultType !== 'vector' || !Array.isArray(result))
    throw inputError(`${shown(base)} answered ${oneLine(expr)} with a ${resultType ?? 'missing'} result, not a vector`);
  return (result as { metric: Record<string, string>; value: [number, string] }[]).map((sample) => ({
    labels: sample.metric,
    value: Number(sample.value[1]),
  }));
}

function seriesOf({ resultType, result }: QueryResult, expr: string, base: URL): Series[] {
  if (resultType !== 'matrix' || !Array.isArray(result))
    throw inputError(`${shown(base)} answered ${oneLine(expr)} with a ${resultType ?? 'missing'} result, not a matrix`);
  return (result as { metric: Record<string, string>; values?: [number, string][] }[]).map((series) => ({
    labels: series.metric,
    points: (series.values ?? []).map(([time, value]) => ({ time, value: Number(value) })),
  }));
}

/** The query as a message shows it: on one line, cut (backtest's queries span many lines and kilobytes). */
function oneLine(expr: string): string {
  const flat = expr.replace(/\s+/g, ' ').trim();
  return flat.length <= SHOWN_QUERY ? flat : `${flat.slice(0, SHOWN_QUERY - 1)}…`;
}

const SHOWN_QUERY = 100;

function unreachable(url: URL, error: Error & { code?: string }): StoreError {
  return inputError(`cannot reach ${shown(url)}: ${error.code ?? error.message}`);
}

/** The URL without credentials a user may have put in it. */
function shown(url: URL): string {
  const copy = new URL(url);
  copy.username = '';
  copy.password = '';
  copy.search = '';
  return copy.origin + copy.pathname.replace(/\/api\/v1\/query(?:_range)?$/, '');
}

function inputError(message: string): StoreError {
  return new StoreError(message);
}
