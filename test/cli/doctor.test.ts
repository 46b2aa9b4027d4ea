// `headroom doctor` in-process: bad input is exit 2 with one line on stderr and nothing on stdout, whatever is wrong
// (flags, credentials, a store that cannot be asked); against an empty store (a local server answering as an empty
// Prometheus does) the report goes to stdout in each format and the progress to stderr. What doctor finds in real
// stores is proven against Prometheus itself in test/e2e/doctor.e2e.ts.
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DoctorReport } from '../../src/doctor/findings.ts';
import { closeServer, listenOnLoopback } from '../e2e/harness/loopback-server.ts';
import { FIXTURES } from '../helpers/paths.ts';
import { type CliResult, runCli } from '../helpers/run-cli.ts';

const PROJECT = join(FIXTURES, 'example');

/** What the store answers next: status, body (JSON or not). */
let answer: { status: number; body: string } = { status: 200, body: '' };
let server: Server;
let store = '';

const EMPTY = JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } });
const ONE = JSON.stringify({ status: 'success', data: { resultType: 'scalar', result: [1, '1'] } });

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      // An empty Prometheus: a scalar is itself, every vector is empty.
      const emptyStore = answer.body === EMPTY && new URLSearchParams(body).get('query') === '1';
      response.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(emptyStore ? ONE : answer.body);
    });
  });
  store = `http://127.0.0.1:${await listenOnLoopback(server, 'store')}`;
});

afterAll(() => closeServer(server));
afterEach(() => vi.unstubAllEnvs());

const doctor = (...args: string[]) => runCli(['doctor', ...args], PROJECT);

/** Exit 2, one line on stderr (commander's own errors add its usage hint), no stack, nothing on stdout. */
function expectRefused(result: CliResult, message: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(message);
  expect(lines.slice(1)).toEqual(lines[0]!.startsWith('error:') ? ['(run `headroom --help` for usage)'] : []);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe('headroom doctor: bad input, exit 2', () => {
  it('no --prometheus', async () => {
    expectRefused(await doctor(), /^error: required option '-p, --prometheus <url>' not specified$/);
  });

  it('a --prometheus that is no URL, or not http', async () => {
    expectRefused(
      await doctor('--prometheus', 'prometheus'),
      /^headroom doctor: --prometheus: "prometheus" is not a URL \(e\.g\. http:\/\/prometheus:9090\)$/,
    );
    expectRefused(
      await doctor('--prometheus', 'ftp://prometheus:9090'),
      /^headroom doctor: --prometheus: ftp: is not http or https$/,
    );
  });

  it('a port nothing listens on', async () => {
    const closed = createServer();
    const port = await listenOnLoopback(closed, 'closed');
    await closeServer(closed);
    expectRefused(
      await doctor('--prometheus', `http://127.0.0.1:${port}`),
      new RegExp(`^headroom doctor: cannot reach http://127.0.0.1:${port}: ECONNREFUSED$`),
    );
  });

  it('HTTP 401 from a proxy, with the credentials to set', async () => {
    answer = { status: 401, body: '<html>401 Authorization Required</html>' };
    expectRefused(
      await doctor('--prometheus', store),
      /refused the query \(HTTP 401\): set HEADROOM_PROMETHEUS_TOKEN, or HEADROOM_PROMETHEUS_USERNAME and .*PASSWORD/,
    );
  });

  it('JSON that is not the Prometheus API, a page, a failing store', async () => {
    answer = { status: 200, body: '{"hello":"world"}' };
    expectRefused(await doctor('--prometheus', store), /answered HTTP 200 with no Prometheus API JSON: is it the/);
    answer = { status: 200, body: '<!doctype html><title>Grafana</title>' };
    expectRefused(await doctor('--prometheus', store), /answered HTTP 200 with no Prometheus API JSON/);
    answer = { status: 502, body: 'Bad Gateway' };
    expectRefused(await doctor('--prometheus', store), /answered HTTP 502: the store \(or a proxy before it\) failed$/);
  });

  it('a query the store refuses', async () => {
    answer = { status: 422, body: '{"status":"error","errorType":"execution","error":"query timed out"}' };
    expectRefused(await doctor('--prometheus', store), /^headroom doctor: .* refused 1: query timed out$/);
  });

  it('a bad --header, --timeout or --format', async () => {
    expectRefused(
      await doctor('--prometheus', store, '--header', 'X-Scope-OrgID=tenant'),
      /^error: option '-H, --header <name: value>' argument 'X-Scope-OrgID=tenant' is invalid\. expected "Name: value"/,
    );
    for (const timeout of ['0', '-1', 'soon'])
      expectRefused(
        await doctor('--prometheus', store, '--timeout', timeout),
        /^error: option '--timeout <seconds>' argument '.*' is invalid\. expected a number of seconds > 0\.$/,
      );
    expectRefused(await doctor('--prometheus', store, '--format', 'yaml'), /argument 'yaml' is invalid/);
  });

  it('an unreadable --ca-file', async () => {
    expectRefused(
      await doctor('--prometheus', store, '--ca-file', '/nonexistent/ca.pem'),
      /^headroom doctor: --ca-file: cannot read \/nonexistent\/ca\.pem: ENOENT$/,
    );
  });

  it('a token and a username both set, or a password alone', async () => {
    vi.stubEnv('HEADROOM_PROMETHEUS_TOKEN', 't0ken');
    vi.stubEnv('HEADROOM_PROMETHEUS_USERNAME', 'ops');
    expectRefused(
      await doctor('--prometheus', store),
      /^headroom doctor: HEADROOM_PROMETHEUS_TOKEN and HEADROOM_PROMETHEUS_USERNAME are both set: use a token or/,
    );
    vi.unstubAllEnvs();
    vi.stubEnv('HEADROOM_PROMETHEUS_PASSWORD', 'pw');
    expectRefused(await doctor('--prometheus', store), /PASSWORD is set without HEADROOM_PROMETHEUS_USERNAME$/);
  });

  it('a huge --timeout is a long one, not one that fires at once', async () => {
    answer = { status: 200, body: EMPTY };
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    const result = await doctor('--prometheus', store, '--timeout', '100000000');
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    expect(warnings).toEqual([]);
    expect(result.code, result.stderr).toBe(1);
  });
});

describe('headroom doctor against an empty store: exit 1, one finding, the report on stdout', () => {
  it('text: the summary, every alert blind, the one finding; progress lines on stderr only', async () => {
    answer = { status: 200, body: EMPTY };
    const { code, stdout, stderr } = await doctor('--prometheus', store);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      new RegExp(`^headroom doctor: ${store}: \\d+ alert\\(s\\) blind \\(\\d+ queries\\)\n\nthe cluster:\n`),
    );
    expect(stdout).toContain('  blind     ContainerMemoryNearLimit\n');
    expect(stdout).toContain('- the store holds none of the series headroom reads, under any job');
    expect(stdout).not.toContain('fix for');
    for (const line of stderr.trimEnd().split('\n')) expect(line).toMatch(/^headroom doctor: [a-z].*…$/);
  });

  it('json: the report as data; markdown: a table of alerts for a CI comment', async () => {
    answer = { status: 200, body: EMPTY };
    const json = await doctor('--prometheus', store, '--format', 'json');
    const report = JSON.parse(json.stdout) as DoctorReport;
    expect(report.store).toBe(store);
    expect(report.findings.map((finding) => finding.subject)).toEqual(['every input']);
    expect(new Set(report.alerts.map((alert) => alert.readiness))).toEqual(new Set(['blind']));
    const markdown = await doctor('--prometheus', store, '--format', 'markdown');
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toMatch(/^### headroom doctor: .*\n\n\| alert \| the cluster \|\n\| --- \| --- \|\n/);
    expect(markdown.stdout).toContain('| ContainerMemoryNearLimit | blind |');
  });

  it('credentials and headers reach the store; credentials never show', async () => {
    const seen: Record<string, string | string[] | undefined>[] = [];
    server.prependOnceListener('request', (request) => seen.push(request.headers));
    answer = { status: 200, body: EMPTY };
    vi.stubEnv('HEADROOM_PROMETHEUS_TOKEN', 's3cret-t0ken');
    const result = await doctor('--prometheus', store, '--header', 'X-Scope-OrgID: tenant-1');
    expect(seen[0]).toMatchObject({ authorization: 'Bearer s3cret-t0ken', 'x-scope-orgid': 'tenant-1' });
    expect(result.stdout + result.stderr).not.toContain('s3cret');
  });
});
