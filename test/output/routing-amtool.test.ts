// The generated route tree, proven with the real `amtool config routes test` (Debian package
// prometheus-alertmanager): an alertmanager.yml is built from alertmanager/routes.yaml and stub receivers listed
// here by hand, so a route naming any other receiver fails amtool's own config check.
// @module-tag spawns (amtool)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.ts';
import { FIXTURES } from '../helpers/paths.ts';

const AMTOOL = '/usr/bin/amtool';

function amtool(args: string[]): { code: number; output: string } {
  const result = spawnSync(AMTOOL, args, { encoding: 'utf8' });
  if (result.error)
    throw new Error(`cannot run ${AMTOOL} (apt-get install prometheus-alertmanager): ${result.error.message}`);
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/** alertmanager.yml: the generated `route:` and a receiver without integrations for each name given. */
async function alertmanagerFile(config: string, receivers: string[]): Promise<string> {
  const { tree } = await generate(config);
  const routes = tree.get('alertmanager/routes.yaml');
  if (routes === undefined) throw new Error(`${config} wrote no alertmanager/routes.yaml`);
  const file = join(mkdtempSync(join(tmpdir(), 'headroom-amtool-')), 'alertmanager.yml');
  writeFileSync(file, stringify({ ...(parse(routes) as object), receivers: receivers.map((name) => ({ name })) }));
  const check = amtool(['check-config', file]);
  expect(check.output, 'amtool check-config').toContain('SUCCESS');
  expect(check.code).toBe(0);
  return file;
}

/** The receivers amtool routes an alert with these labels to (--verify.receivers also makes amtool assert them). */
function routedTo(file: string, labels: Record<string, string>, expected: string): string {
  const result = amtool([
    'config',
    'routes',
    'test',
    `--config.file=${file}`,
    `--verify.receivers=${expected}`,
    ...Object.entries(labels).map(([k, v]) => `${k}=${v}`),
  ]);
  const receivers =
    result.output
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('Warning:') && !line.startsWith('WARNING:'))[0] ?? '';
  expect(result.code, `${JSON.stringify(labels)} → ${receivers}`).toBe(receivers === expected ? 0 : 1);
  return receivers;
}

/** A throwaway project whose config is the given object literal (inline teams). */
function projectConfig(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-routing-'));
  const file = join(dir, 'headroom.config.ts');
  writeFileSync(file, `import { defineConfig } from 'headroom';\nexport default defineConfig(${body});\n`);
  return file;
}

describe('alertmanager/routes.yaml under amtool', () => {
  const RECEIVERS = ['platform-oncall', 'payments-oncall', 'payments tickets', 'search-oncall'];

  it('routes every team to its receiver, info to the ticket receiver, the rest to the default team', async () => {
    const file = await alertmanagerFile(join(FIXTURES, 'routing', 'headroom.config.ts'), RECEIVERS);
    const cases: [Record<string, string>, string][] = [
      [
        {
          alertname: 'ContainerOOMKilled',
          team: 'payments',
          severity: 'critical',
          namespace: 'payments-api',
          cluster: 'dev',
        },
        'payments-oncall',
      ],
      [
        { alertname: 'ContainerMemoryNearLimit', team: 'payments', severity: 'warning', namespace: 'payments' },
        'payments-oncall',
      ],
      // Where the team names a ticket receiver, info alerts go there, and only there.
      [
        { alertname: 'ContainersWithoutMemoryLimit', team: 'payments', severity: 'info', namespace: 'payments' },
        'payments tickets',
      ],
      // A team without routing goes to the default receiver, info alerts too (no ticket receiver anywhere).
      [
        { alertname: 'ContainerOOMKilled', team: 'batch', severity: 'critical', namespace: 'batch-nightly' },
        'platform-oncall',
      ],
      [
        { alertname: 'ContainersWithoutMemoryLimit', team: 'batch', severity: 'info', namespace: 'batch-nightly' },
        'platform-oncall',
      ],
      // An unowned namespace's alert carries team=<defaultTeam>.
      [
        { alertname: 'ContainerOOMKilled', team: 'platform', severity: 'critical', namespace: 'nobody-owns-this' },
        'platform-oncall',
      ],
      [{ alertname: 'NodeMemoryPressure', team: 'platform', severity: 'critical', node: 'node-1' }, 'platform-oncall'],
      // search's claim holds in prod-* clusters only: its route matches only there.
      [
        {
          alertname: 'ContainerOOMKilled',
          team: 'search',
          severity: 'critical',
          namespace: 'search',
          cluster: 'prod-eu-1',
        },
        'search-oncall',
      ],
      [
        {
          alertname: 'ContainerOOMKilled',
          team: 'search',
          severity: 'critical',
          namespace: 'search',
          cluster: 'staging',
        },
        'platform-oncall',
      ],
      [
        {
          alertname: 'ContainerOOMKilled',
          team: 'search',
          severity: 'critical',
          namespace: 'search',
          cluster: 'xprod-1',
        },
        'platform-oncall',
      ],
      // Another tool's alert (no team label) falls to the root.
      [{ alertname: 'Watchdog', severity: 'none' }, 'platform-oncall'],
    ];
    for (const [labels, receiver] of cases)
      expect(routedTo(file, labels, receiver), JSON.stringify(labels)).toBe(receiver);
  });

  it(
    'fails amtool when a receiver the routes name is not defined ' + '(the stub list is what the check trusts)',
    async () => {
      const file = await alertmanagerFile(join(FIXTURES, 'routing', 'headroom.config.ts'), RECEIVERS);
      const without = join(mkdtempSync(join(tmpdir(), 'headroom-amtool-')), 'alertmanager.yml');
      const config = parse(await import('node:fs').then((fs) => fs.readFileSync(file, 'utf8'))) as {
        receivers: { name: string }[];
      };
      writeFileSync(
        without,
        stringify({ ...config, receivers: config.receivers.filter((r) => r.name !== 'search-oncall') }),
      );
      const check = amtool(['check-config', without]);
      expect(check.code).not.toBe(0);
      expect(check.output).toMatch(/undefined receiver "search-oncall"/);
    },
  );

  it(
    "sends info to the config-wide ticket receiver where a team names none, and the default team's own receiver is " +
      'the fallback',
    async () => {
      const config = projectConfig(`{
      defaultTeam: 'platform',
      routing: { defaultReceiver: 'everyone', ticketReceiver: 'jira' },
      teams: [
        { name: 'platform', namespaces: ['kube-system'], routing: { receiver: 'platform-pager' } },
        { name: 'web', namespaces: ['web'], routing: { receiver: 'web-pager', ticketReceiver: 'web-board' } },
        { name: 'data', namespaces: ['data-*'] },
      ],
      links: { grafanaUrl: 'https://grafana.test', runbookUrlPattern: 'https://runbooks.test/%s' },
    }`);
      const file = await alertmanagerFile(config, ['everyone', 'jira', 'platform-pager', 'web-pager', 'web-board']);
      expect(routedTo(file, { team: 'web', severity: 'critical' }, 'web-pager')).toBe('web-pager');
      expect(routedTo(file, { team: 'web', severity: 'info' }, 'web-board')).toBe('web-board');
      expect(routedTo(file, { team: 'data', severity: 'warning' }, 'everyone')).toBe('everyone');
      expect(routedTo(file, { team: 'data', severity: 'info' }, 'jira')).toBe('jira');
      // The default team's file names its receiver: its alerts (unowned namespaces included) and the root use it.
      expect(routedTo(file, { team: 'platform', severity: 'critical', namespace: 'unowned' }, 'platform-pager')).toBe(
        'platform-pager',
      );
      expect(routedTo(file, { team: 'platform', severity: 'info' }, 'jira')).toBe('jira');
      expect(routedTo(file, { alertname: 'Other' }, 'platform-pager')).toBe('platform-pager');
    },
  );

  it('writes no route file without `routing` in the config, nor when routeFile is off', async () => {
    const base =
      `defaultTeam: 'platform', links: { grafanaUrl: 'https://grafana.test', runbookUrlPattern: ` +
      `'https://runbooks.test/%s' }`;
    const none = await generate(projectConfig(`{ ${base} }`));
    expect([...none.tree.keys()].filter((path) => path.startsWith('alertmanager/'))).toEqual([]);
    const off = await generate(
      projectConfig(`{ ${base}, routing: { defaultReceiver: 'x', routeFile: { enabled: false } } }`),
    );
    expect([...off.tree.keys()].filter((path) => path.startsWith('alertmanager/'))).toEqual([]);
  });
});
