// The live store's query API, as doctor asks it: instant queries only (`/api/v1/query`), which Prometheus, the Thanos
// querier, Mimir (with X-Scope-OrgID) and VictoriaMetrics all serve alike. Auth as users have it: a bearer token or
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

const DEFAULT_TIMEOUT_MS = 30_000;
/** Node's timers hold at most 2^31 - 1 ms (about 24 days); a longer timeout would fire at once, with a warning. */
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1;

export function queryApi(options: QueryApiOptions): QueryApi {
  const base = parseBase(options.url);
  const headers = { ...authHeaders(options.env ?? process.env), ...options.headers, Accept: 'application/json' };
  const ca = options.caFile === undefined ? undefined : readCa(options.caFile);
  const timeoutMs = Math.min(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, LONGEST_TIMEOUT_MS);
  let queries = 0;
  return {
    get queries() {
      return queries;
    },
    async query(expr) {
      queries += 1;
      const url = new URL(`${base.pathname.replace(/\/$/, '')}/api/v1/query`, base);
      const body = new URLSearchParams({ query: expr }).toString();
      const response = await post(url, body, { headers, ca, timeoutMs });
      return samplesOf(response, expr, base);
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

function samplesOf(response: HttpResponse, expr: string, base: URL): Sample[] {
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
  let parsed: { status?: unknown; error?: string; data?: { resultType?: string; result?: unknown } };
  try {
    parsed = JSON.parse(response.text);
  } catch {
    throw response.status >= 500 ? failed : notTheApi;
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed.status !== 'success' && parsed.status !== 'error'))
    throw response.status >= 500 ? failed : notTheApi;
  // One line, however the query was laid out.
  const query = expr.replaceAll(/\s+/g, ' ');
  if (parsed.status === 'error')
    throw inputError(`${shown(base)} refused ${query}: ${parsed.error ?? `HTTP ${response.status}`}`);
  const { resultType, result } = parsed.data ?? {};
  if (resultType === 'scalar') return [{ labels: {}, value: Number((result as [number, string])[1]) }];
  if (resultType !== 'vector' || !Array.isArray(result))
    throw inputError(`${shown(base)} answered ${query} with a ${resultType ?? 'missing'} result, not a vector`);
  return (result as { metric: Record<string, string>; value: [number, string] }[]).map((sample) => ({
    labels: sample.metric,
    value: Number(sample.value[1]),
  }));
}

function unreachable(url: URL, error: Error & { code?: string }): StoreError {
  return inputError(`cannot reach ${shown(url)}: ${error.code ?? error.message}`);
}

/** The URL without credentials a user may have put in it. */
function shown(url: URL): string {
  const copy = new URL(url);
  copy.username = '';
  copy.password = '';
  copy.search = '';
  return copy.origin + copy.pathname.replace(/\/api\/v1\/query$/, '');
}

function inputError(message: string): StoreError {
  return new StoreError(message);
}
