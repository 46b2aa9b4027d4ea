// Objects a cluster would reject are input errors, reported before anything is written: a ConfigMap whose data
// exceeds 1 MiB, and any object over the 262,144-byte last-applied annotation of client-side `kubectl apply`.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.ts';
import {
  CONFIGMAP_DATA_LIMIT,
  configMapDataProblems,
  LAST_APPLIED_LIMIT,
  lastAppliedProblems,
} from '../../src/output/dashboard-size-guard.ts';
import { runCli } from '../helpers/run-cli.ts';
import { joined } from '../helpers/regexp.ts';

/**
 * A project whose runbook URL pattern is `padding` characters long: every runbook link of every dashboard repeats
 * it (four on the overview, two on team dashboards), the simplest way to grow a dashboard from config alone.
 */
function projectWithRunbookPadding(padding: number, dashboards: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-size-'));
  writeFileSync(
    join(dir, 'headroom.config.ts'),
    `import { defineConfig } from 'headroom';
export default defineConfig({
  defaultTeam: 'platform',
  links: { grafanaUrl: 'https://grafana.test', runbookUrlPattern: 'https://runbooks.test/${'x'.repeat(padding)}/%s' },
  output: { dashboards: ${dashboards} },
});
`,
  );
  return dir;
}

describe('dashboard size guard', () => {
  it('refuses a ConfigMap over the last-applied limit with advice, exit 2, nothing written', async () => {
    const dir = projectWithRunbookPadding(100_000, '{}');
    const result = await runCli(['generate'], dir);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('invalid input, nothing written');
    // The overview (four runbook links, ~400 kB) is over 262,144 bytes; the team dashboard (two, ~220 kB) is not.
    expect(result.stderr).toMatch(
      joined(
        /dashboards\/configmaps\/headroom-overview\.yaml: /,
        /output\.dashboards\.configMap: the object is \d+ bytes, over the 262144 bytes/,
      ),
    );
    expect(result.stderr).toContain('kubectl apply --server-side');
    expect(result.stderr).not.toContain('headroom-team.yaml');
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });

  it('checks GrafanaDashboard objects too', async () => {
    const dir = projectWithRunbookPadding(
      100_000,
      '{ configMap: { enabled: false }, grafanaOperator: { enabled: true } }',
    );
    const result = await runCli(['generate'], dir);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(
      /dashboards\/grafana-operator\/headroom-overview\.yaml: output\.dashboards\.grafanaOperator: the object is/,
    );
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });

  it('lets server-side apply users past the annotation limit, never past 1 MiB of ConfigMap data', async () => {
    // The runbook links make the PrometheusRule objects too big as well: those are applied server-side too.
    const fits = projectWithRunbookPadding(
      100_000,
      '{ serverSideApply: true }, prometheusRule: { serverSideApply: true }',
    );
    expect((await runCli(['generate'], fits)).code).toBe(0);
    expect(existsSync(join(fits, 'generated/dashboards/configmaps/headroom-overview.yaml'))).toBe(true);

    const tooBig = projectWithRunbookPadding(
      300_000,
      '{ serverSideApply: true }, prometheusRule: { serverSideApply: true }',
    );
    const result = await runCli(['generate'], tooBig);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(
      joined(
        /headroom-overview\.yaml: output\.dashboards\.configMap: /,
        /the ConfigMap's data is \d+ bytes, over the 1048576 bytes \(1 MiB\)/,
      ),
    );
    expect(result.stderr).toContain('split the dashboard');
    expect(existsSync(join(tooBig, 'generated'))).toBe(false);
  });

  it('draws the lines exactly at the limits', () => {
    // {"a":"…"} is 8 bytes plus the string.
    expect(lastAppliedProblems('x', 'k', { a: 'x'.repeat(LAST_APPLIED_LIMIT - 8) }, false)).toEqual([]);
    expect(lastAppliedProblems('x', 'k', { a: 'x'.repeat(LAST_APPLIED_LIMIT - 7) }, false)).toHaveLength(1);
    expect(lastAppliedProblems('x', 'k', { a: 'x'.repeat(LAST_APPLIED_LIMIT - 7) }, true)).toEqual([]);
    // Keys count, and bytes, not characters: "é" is two.
    expect(configMapDataProblems('x', { a: 'x'.repeat(CONFIGMAP_DATA_LIMIT - 1) })).toEqual([]);
    expect(configMapDataProblems('x', { a: 'x'.repeat(CONFIGMAP_DATA_LIMIT) })).toHaveLength(1);
    expect(configMapDataProblems('x', { a: `${'x'.repeat(CONFIGMAP_DATA_LIMIT - 3)}é` })).toEqual([]);
    expect(configMapDataProblems('x', { a: `${'x'.repeat(CONFIGMAP_DATA_LIMIT - 2)}é` })).toHaveLength(1);
  });
});

/** A project with `count` teams (team-0 … team-<count-1>, each its own namespaces and threshold). */
function projectWithTeams(count: number, perTeam: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-teams-'));
  const teams = Array.from({ length: count }, (_, i) => ({
    name: `team-${i}`,
    namespaces: [`team-${i}`, `team-${i}-*`],
    alerts: { containerMemoryNearLimit: { threshold: 0.5 + (i % 40) / 100 } },
  }));
  writeFileSync(
    join(dir, 'headroom.config.ts'),
    `import { defineConfig } from 'headroom';
export default defineConfig({
  defaultTeam: 'platform',
  teams: ${JSON.stringify(teams)},
  links: { grafanaUrl: 'https://grafana.test', runbookUrlPattern: 'https://runbooks.test/%s' },
  output: { dashboards: { perTeam: ${JSON.stringify(perTeam)} } },
});
`,
  );
  return join(dir, 'headroom.config.ts');
}

describe('dashboards per team', () => {
  it(
    'do not grow with the number of teams: ' + 'the overview and the shared team dashboard, plus the copies asked for',
    async () => {
      const dashboardFiles = async (teams: number, perTeam: string[]) =>
        new Map(
          [...(await generate(projectWithTeams(teams, perTeam))).tree].filter(([path]) =>
            path.startsWith('dashboards/'),
          ),
        );
      const few = await dashboardFiles(2, []);
      const many = await dashboardFiles(120, []);
      expect([...many.keys()].sort()).toEqual([
        'dashboards/configmaps/headroom-overview.yaml',
        'dashboards/configmaps/headroom-team.yaml',
        'dashboards/headroom-overview.json',
        'dashboards/headroom-team.json',
      ]);
      // Byte for byte the same: no team's name, namespaces or threshold is written into a dashboard.
      expect(many).toEqual(few);
      const copies = await dashboardFiles(120, ['team-7', 'team-99']);
      expect([...copies.keys()].filter((path) => path.endsWith('.json')).sort()).toEqual([
        'dashboards/headroom-overview.json',
        'dashboards/headroom-team-team-7.json',
        'dashboards/headroom-team-team-99.json',
        'dashboards/headroom-team.json',
      ]);
    },
  );
});
