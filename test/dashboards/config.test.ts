// output.dashboards is optional (existing configs stay valid) and its Kubernetes names are checked up front,
// reported with file, line and key like every other config error.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.ts';
import { runCli } from '../helpers/run-cli.ts';
import { CONFIGS } from './helpers/configs.ts';

function project(dashboards: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-dashboard-config-'));
  writeFileSync(
    join(dir, 'headroom.config.ts'),
    `import { defineConfig } from 'headroom';
export default defineConfig({
  defaultTeam: 'platform',
  links: { grafanaUrl: 'https://grafana.test', runbookUrlPattern: 'https://runbooks.test/%s' },
  output: {
    dashboards: ${dashboards},
  },
});
`,
  );
  return dir;
}

describe('output.dashboards', () => {
  it(
    'defaults to sidecar ConfigMaps in monitoring, ' + 'labelled grafana_dashboard: "1", no GrafanaDashboard objects',
    async () => {
      const { model } = await generate(CONFIGS['fixture cadvisor-limits']);
      expect(model.output.dashboards).toEqual({
        configMap: {
          enabled: true,
          namespace: 'monitoring',
          labelName: 'grafana_dashboard',
          labelValue: '1',
          annotations: {},
        },
        grafanaOperator: { enabled: false, namespace: 'monitoring', instanceSelector: { dashboards: 'grafana' } },
        serverSideApply: false,
        perTeam: [],
      });
    },
  );

  it.each([
    // The wording of a label-name refusal is the config's (it says which characters a Kubernetes key allows).
    [
      "{ configMap: { labelName: 'grafana dashboard' } }",
      'output.dashboards.configMap.labelName',
      'must be a Kubernetes',
    ],
    [
      "{ configMap: { labelValue: 'yes please' } }",
      'output.dashboards.configMap.labelValue',
      'must be a Kubernetes label value',
    ],
    [
      "{ grafanaOperator: { namespace: 'Monitoring' } }",
      'output.dashboards.grafanaOperator.namespace',
      'must be a Kubernetes namespace name',
    ],
    ['{ configMap: { enable: false } }', 'output.dashboards.configMap.enable', 'unknown key'],
    ["{ perTeam: ['Payments'] }", 'output.dashboards.perTeam.0', 'must'],
    // A team name that is no team: no copy would show anything. The default team (platform) is one.
    ["{ perTeam: ['platform', 'payments'] }", 'output.dashboards.perTeam.1', '"payments" is not a team'],
  ])('refuses %s with file:line:column and key, exit 2, nothing written', async (dashboards, key, message) => {
    const dir = project(dashboards);
    const result = await runCli(['generate'], dir);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`headroom\\.config\\.ts:6:\\d+: ${key.replace(/\./g, '\\.')}: `));
    expect(result.stderr).toContain(message);
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });
});
