// doctor's client of the query API against a local HTTP server standing in for the store: what it sends (the query,
// credentials from the environment, extra headers) and how each way a store can fail reads (one line, no stack).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryApi } from '../../src/doctor/query-api.ts';
import { StoreError } from '../../src/doctor/store-error.ts';
import { closeServer, listenOnLoopback } from '../e2e/harness/loopback-server.ts';

interface Seen {
  path: string;
  headers: IncomingMessage['headers'];
  query: string | null;
  form: Record<string, string>;
}

let server: Server;
let base: string;
const seen: Seen[] = [];
/** What the server answers next: status and body. */
let answer: { status: number; body: string; delayMs?: number } = { status: 200, body: '' };

const vector = (value: string) =>
  JSON.stringify({
    status: 'success',
    data: { resultType: 'vector', result: [{ metric: { cluster: 'a' }, value: [1, value] }] },
  });

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const form = new URLSearchParams(body);
      seen.push({
        path: request.url ?? '',
        headers: request.headers,
        query: form.get('query'),
        form: Object.fromEntries(form),
      });
      setTimeout(() => {
        response.writeHead(answer.status, { 'Content-Type': 'application/json' });
        response.end(answer.body);
      }, answer.delayMs ?? 0);
    });
  });
  base = `http://127.0.0.1:${await listenOnLoopback(server, 'store')}`;
});

afterAll(() => closeServer(server));

async function failure(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return (error as Error).message;
  }
  throw new Error('expected a StoreError');
}

describe('the query API client', () => {
  it('posts the query to <base>/api/v1/query, keeps a path prefix, and reads the vector', async () => {
    answer = { status: 200, body: vector('42') };
    const api = queryApi({ url: `${base}/prometheus/`, env: {} });
    expect(await api.query('count(up)')).toEqual([{ labels: { cluster: 'a' }, value: 42 }]);
    expect(seen.at(-1)).toMatchObject({ path: '/prometheus/api/v1/query', query: 'count(up)' });
    expect(seen.at(-1)!.headers.authorization).toBeUndefined();
    expect(api.queries).toBe(1);
  });

  it(
    'posts a range query to <base>/api/v1/query_range and reads the matrix; ' + "backtest's queries show on one line",
    async () => {
      answer = {
        status: 200,
        body: JSON.stringify({
          status: 'success',
          data: {
            resultType: 'matrix',
            result: [
              {
                metric: { pod: 'a' },
                values: [
                  [1000.5, '1'],
                  [1005.5, '2'],
                ],
              },
            ],
          },
        }),
      };
      const api = queryApi({ url: `${base.replace('http://', 'http://user:pw@')}/prometheus/`, env: {} });
      expect(await api.queryRange('up == 0', { start: 1000.5, end: 1010.5, step: 5 })).toEqual([
        {
          labels: { pod: 'a' },
          points: [
            { time: 1000.5, value: 1 },
            { time: 1005.5, value: 2 },
          ],
        },
      ]);
      expect(seen.at(-1)).toMatchObject({
        path: '/prometheus/api/v1/query_range',
        form: { query: 'up == 0', start: '1000.5', end: '1010.5', step: '5' },
      });
      expect(api.store).toBe(`${base}/prometheus`);
      answer = { status: 422, body: '{"status":"error","errorType":"execution","error":"too many samples"}' };
      const long = `max by (pod) (\n  ${'x or '.repeat(50)}y\n)`;
      const message = await failure(() => api.queryRange(long, { start: 0, end: 10, step: 5 }));
      expect(message).toMatch(/refused max by \(pod\) \( x or x or .*…: too many samples$/);
      expect(message).not.toContain('\n');
      answer = { status: 200, body: vector('1') };
      expect(await failure(() => api.queryRange('up', { start: 0, end: 10, step: 5 }))).toMatch(
        /answered up with a vector result, not a matrix/,
      );
    },
  );

  it('sends a bearer token or basic auth from the environment, and extra headers', async () => {
    answer = { status: 200, body: vector('1') };
    await queryApi({ url: base, env: { HEADROOM_PROMETHEUS_TOKEN: 's3cret' } }).query('up');
    expect(seen.at(-1)!.headers.authorization).toBe('Bearer s3cret');
    await queryApi({
      url: base,
      env: { HEADROOM_PROMETHEUS_USERNAME: 'ops', HEADROOM_PROMETHEUS_PASSWORD: 'pw' },
      headers: { 'X-Scope-OrgID': 'tenant-1' },
    }).query('up');
    expect(seen.at(-1)!.headers.authorization).toBe(`Basic ${Buffer.from('ops:pw').toString('base64')}`);
    expect(seen.at(-1)!.headers['x-scope-orgid']).toBe('tenant-1');
  });

  it('refuses a token and basic auth at once, or a password alone', async () => {
    const both = { HEADROOM_PROMETHEUS_TOKEN: 't', HEADROOM_PROMETHEUS_USERNAME: 'u' };
    expect(await failure(async () => queryApi({ url: base, env: both }))).toMatch(/both set: use a token or basic/);
    expect(await failure(async () => queryApi({ url: base, env: { HEADROOM_PROMETHEUS_PASSWORD: 'p' } }))).toMatch(
      /PASSWORD is set without HEADROOM_PROMETHEUS_USERNAME/,
    );
  });

  it('names each way the store fails, without credentials in the address', async () => {
    const api = queryApi({ url: base.replace('http://', 'http://user:pw@'), env: {}, timeoutMs: 300 });
    answer = { status: 401, body: '{"status":"error","error":"unauthorized"}' };
    expect(await failure(() => api.query('up'))).toMatch(
      /refused the query \(HTTP 401\): set HEADROOM_PROMETHEUS_TOKEN/,
    );
    answer = { status: 400, body: '{"status":"error","errorType":"bad_data","error":"parse error"}' };
    expect(await failure(() => api.query('up{'))).toMatch(/refused up\{: parse error/);
    answer = { status: 200, body: '<html>Grafana</html>' };
    expect(await failure(() => api.query('up'))).toMatch(/no Prometheus API JSON: is it the query API's base URL/);
    answer = { status: 200, body: vector('1'), delayMs: 2000 };
    expect(await failure(() => api.query('up'))).toMatch(/cannot reach .*: no answer within 0.3 s/);
    const messages = await Promise.all([failure(() => api.query('up'))]);
    expect(messages.join('')).not.toContain('pw');
  });

  it('names an address nothing listens on, and a URL that is none', async () => {
    const closed = createServer();
    const port = await listenOnLoopback(closed, 'closed');
    await closeServer(closed);
    expect(await failure(() => queryApi({ url: `http://127.0.0.1:${port}`, env: {} }).query('up'))).toBe(
      `cannot reach http://127.0.0.1:${port}: ECONNREFUSED`,
    );
    expect(await failure(async () => queryApi({ url: 'prometheus:9090', env: {} }))).toMatch(
      /--prometheus: prometheus: is not http or https|is not a URL/,
    );
  });
});
