// `headroom diff --base <ref> --prometheus <url>`: every alert whose rules changed (here a team's threshold, which
// lives in the teams table, not in the alert's own rule) is backtested with the old rules and the new against the
// store, and the report says per team "last <since>: N alerts before → M after". Without --prometheus nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import { type FakeRangeStore, fakeRangeStore } from '../backtest/fake-range-store.ts';
import { closeServer, listenOnLoopback } from '../e2e/harness/loopback-server.ts';
import { runCli } from '../helpers/run-cli.ts';
import { gitProject } from './git-project.ts';

let store: FakeRangeStore;
let url: string;
const asked = () => store.asked.map((form) => form.get('query')!);

/**
 * A store where a container of payments and one of search sit at 92% of their limit all along: near the limit under
 * payments' old threshold (0.9, a `vector(0.9)` in the teams table the query inlines), not under its new one. Each
 * team's alert comes from the rule of its `for` (payments 10m, search 5m): the one whose query keeps that variant.
 */
beforeAll(async () => {
  store = await fakeRangeStore((query) => {
    const nearLimit = query.includes('"containerMemoryNearLimit.threshold"');
    const variant = (forText: string) =>
      query.includes(
        'and on (headroom_container_memory_near_limit) label_replace(vector(1), ' +
          `"headroom_container_memory_near_limit", "for=${forText},severity=warning"`,
      );
    const series = (namespace: string, team: string) => ({ namespace, pod: `${namespace}-0`, container: 'app', team });
    return {
      labels: [
        ...(nearLimit && variant('5m') ? [series('search', 'search')] : []),
        ...(nearLimit && variant('10m') && query.includes('vector(0.9)') ? [series('payments', 'payments')] : []),
      ],
      value: '0.92',
    };
  });
  url = store.url;
});

afterAll(() => store.close());

describe('headroom diff --prometheus', () => {
  it('counts the alerts of every team before and after a change of the rules, over the same past', async () => {
    const repo = gitProject();
    repo.edit('teams/payments.yaml', '{ threshold: 0.9, for: 10m }', '{ threshold: 0.95, for: 10m }');
    const store = ['--prometheus', url, '--since', '2h', '--until', '1800000000'];
    const text = await runCli(['diff', '--base', 'main', ...store], repo.dir);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(
      `\nAlerts whose rules changed, backtested against ${url}\n` +
        '  payments ContainerMemoryNearLimit: last 2 hours: 1 alert before → 0 after\n' +
        '  search ContainerMemoryNearLimit: last 2 hours: 1 alert before → 1 after\n',
    );
    // Only the changed alert's rules were asked for, old and new; progress went to stderr.
    expect(asked().every((query) => query.includes('"containerMemoryNearLimit.threshold"'))).toBe(true);
    expect(text.stderr).toMatch(
      /^headroom diff: before: ContainerMemoryNearLimit \{severity=warning, for=10m\} \(1\/2\)…$/m,
    );
    expect(text.stderr).toMatch(/^headroom diff: after: ContainerMemoryNearLimit/m);

    const json = JSON.parse((await runCli(['diff', '--base', 'main', ...store, '--format', 'json'], repo.dir)).stdout);
    expect(json.backtest).toEqual({
      store: url,
      since: '2h',
      changed: ['ContainerMemoryNearLimit'],
      counts: [
        { team: 'payments', alert: 'ContainerMemoryNearLimit', before: 1, after: 0 },
        { team: 'search', alert: 'ContainerMemoryNearLimit', before: 1, after: 1 },
      ],
      problems: [],
    });
    const markdown = await runCli(['diff', '--base', 'main', ...store, '--format', 'markdown'], repo.dir);
    expect(markdown.stdout).toContain('- payments ContainerMemoryNearLimit: last 2 hours: 1 alert before → 0 after\n');

    const plain = await runCli(['diff', '--base', 'main', '--format', 'json'], repo.dir);
    expect(JSON.parse(plain.stdout)).not.toHaveProperty('backtest');
    // The same report, but the backtest and its section of the summary.
    const sections = json.summary.sections.filter((section: { title: string }) => !section.title.startsWith('Alerts'));
    expect(sections).toHaveLength(json.summary.sections.length - 1);
    const without = { ...json, summary: { ...json.summary, sections }, backtest: undefined };
    expect(plain.stdout).toBe(`${JSON.stringify(without, null, 2)}\n`);
  });

  it("asks nothing when no alert's rules changed, and says so", async () => {
    const repo = gitProject();
    const before = asked().length;
    const result = await runCli(['diff', '--base', 'main', '--prometheus', url], repo.dir);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(
      'headroom diff main → work tree: no changes\n\n' +
        `Alerts whose rules changed, backtested against ${url}\n` +
        "  no alert's rules changed: nothing to backtest\n",
    );
    expect(asked().length).toBe(before);
  });

  it('exits 2 with one line when the store cannot be reached', async () => {
    const repo = gitProject();
    repo.edit('teams/payments.yaml', '{ threshold: 0.9, for: 10m }', '{ threshold: 0.95, for: 10m }');
    const closed = createServer();
    const port = await listenOnLoopback(closed, 'closed');
    await closeServer(closed);
    const result = await runCli(['diff', '--base', 'main', '--prometheus', `http://127.0.0.1:${port}`], repo.dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe(
      `headroom diff: cannot reach http://127.0.0.1:${port}: ECONNREFUSED`,
    );
  });
});
