// The jsonnet mixin serves exactly what `headroom generate` wrote: the real jsonnet binary runs each entry point
// of jsonnet-compat/ against a generated folder, and its output must equal, object for object, the PrometheusRule
// groups and dashboard files of that folder. Run on the committed generated/ (so the mixin and generated/ cannot
// drift apart) and on folders freshly generated from several configs.
// @module-tag spawns (jsonnet)
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-cli.ts';
import { dashboardsOnDisk, holdsAlert, ruleGroupsOnDisk } from './generated-folder.ts';
import { evaluateEntryPoint } from './jsonnet.ts';

async function generatedFrom(config: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'headroom-mixin-'));
  const result = await runCli(['generate', '--config', config, '--out', outDir], REPO_ROOT);
  if (result.code !== 0) throw new Error(`headroom generate failed:\n${result.stderr}`);
  return outDir;
}

const folders: Record<string, () => string | Promise<string>> = {
  'the committed generated/': () => join(REPO_ROOT, 'generated'),
  'a fresh generate of headroom.config.ts': () => generatedFrom('headroom.config.ts'),
  'a fresh generate of fixture example': () => generatedFrom('test/fixtures/example/headroom.config.ts'),
  'a fresh generate of fixture cadvisor-limits': () =>
    generatedFrom('test/fixtures/cadvisor-limits/headroom.config.ts'),
  'a fresh generate of a config without node alerts': () =>
    generatedFrom('test/mixin/fixtures/recording-only/headroom.config.ts'),
};

for (const [name, folder] of Object.entries(folders)) {
  describe(`jsonnet-compat on ${name}`, () => {
    let outDir: string;
    beforeAll(async () => {
      outDir = await folder();
    });

    it('alerts.jsonnet prints the groups holding an alerting rule, whole and in order', () => {
      const expected = ruleGroupsOnDisk(outDir).filter(holdsAlert);
      expect(expected.length).toBeGreaterThan(0);
      expect(evaluateEntryPoint('alerts.jsonnet', outDir)).toEqual({ groups: expected });
    });

    it('rules.jsonnet prints the groups of recording rules only', () => {
      const expected = ruleGroupsOnDisk(outDir).filter((group) => !holdsAlert(group));
      if (name.includes('without node alerts'))
        expect(expected.map((group) => group.name)).toEqual([
          'headroom-namespace-ownership',
          'headroom-node-memory',
          'headroom-node-ownership',
          'headroom-teams',
        ]);
      expect(evaluateEntryPoint('rules.jsonnet', outDir)).toEqual({ groups: expected });
    });

    it('dashboards.jsonnet prints every dashboard file by its file name', () => {
      expect(evaluateEntryPoint('dashboards.jsonnet', outDir)).toEqual(dashboardsOnDisk(outDir));
    });

    it(
      'example-kube-prometheus.jsonnet puts every group in one PrometheusRule ' + 'and every dashboard in a ConfigMap',
      () => {
        const manifests = evaluateEntryPoint('example-kube-prometheus.jsonnet', outDir) as {
          'headroom-prometheusRule': { kind: string; metadata: { namespace: string }; spec: { groups: unknown[] } };
          'grafana-dashboardDefinitions': {
            items: { metadata: { name: string; namespace: string }; data: Record<string, string> }[];
          };
        };
        const groups = ruleGroupsOnDisk(outDir);
        const rule = manifests['headroom-prometheusRule'];
        expect(rule.kind).toBe('PrometheusRule');
        expect(rule.metadata.namespace).toBe('monitoring');
        expect(rule.spec.groups).toEqual([
          ...groups.filter(holdsAlert),
          ...groups.filter((group) => !holdsAlert(group)),
        ]);
        expect(rule.spec.groups).toHaveLength(groups.length);

        const items = manifests['grafana-dashboardDefinitions'].items;
        const dashboards = Object.fromEntries(
          items.flatMap((item) => Object.entries(item.data).map(([file, json]) => [file, JSON.parse(json) as unknown])),
        );
        expect(dashboards).toEqual(dashboardsOnDisk(outDir));
        for (const item of items)
          expect(item.metadata.name).toBe(`grafana-dashboard-${Object.keys(item.data)[0]!.replace(/\.json$/, '')}`);
      },
    );
  });
}

describe('the comparison notices drift', () => {
  it('fails when a PrometheusRule file changes and mixin/ is not regenerated', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'headroom-mixin-drift-'));
    cpSync(join(REPO_ROOT, 'generated'), outDir, { recursive: true });
    const file = join(outDir, 'prometheus-rules', 'headroom-node-memory.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('for: 2m', 'for: 3m'));
    const expected = ruleGroupsOnDisk(outDir).filter(holdsAlert);
    expect(evaluateEntryPoint('alerts.jsonnet', outDir)).not.toEqual({ groups: expected });
  });
});
