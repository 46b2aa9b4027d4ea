// `headroom import-mixin-config` on kubernetes-mixin's own defaults (fixtures/kubernetes-mixin/defaults.json,
// rendered from defaults.jsonnet), on kube-prometheus' overrides, and on bad input; then the snippet it prints
// drives a real `headroom generate`.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESERVED_LABELS } from '../../src/values/reserved-labels.ts';
import { configSchema } from '../../src/config/schema.ts';
import { importMixinConfig } from '../../src/mixin/kubernetes-mixin-config.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-cli.ts';
import { ruleGroupsOnDisk } from './generated-folder.ts';
import { jsonnet, JSONNET_COMPAT } from './jsonnet.ts';
import { joined } from '../helpers/regexp.ts';

const FIXTURE = join(REPO_ROOT, 'test/mixin/fixtures/kubernetes-mixin');
const DEFAULTS_FILE = join(FIXTURE, 'defaults.json');
const defaults = JSON.parse(readFileSync(DEFAULTS_FILE, 'utf8')) as Record<string, unknown> & {
  grafanaK8s: Record<string, unknown>;
};

function tempFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'headroom-import-')), name);
  writeFileSync(file, content);
  return file;
}

describe('the kubernetes-mixin defaults fixture', () => {
  it('is what jsonnet renders from defaults.jsonnet', { tags: ['spawns'] }, () => {
    const rendered = jsonnet([join(FIXTURE, 'defaults.jsonnet')]);
    expect(rendered.stderr).toBe('');
    expect(JSON.parse(rendered.stdout)).toEqual(defaults);
  });
});

describe('importMixinConfig on kubernetes-mixin defaults', () => {
  const imported = importMixinConfig(defaults);

  it('maps the selectors, the runbook pattern and the cluster label, with their values', () => {
    expect(imported.problems).toEqual([]);
    expect(imported.config).toEqual({
      selectors: { cadvisor: defaults.cadvisorSelector, kubeStateMetrics: defaults.kubeStateMetricsSelector },
      links: { runbookUrlPattern: defaults.runbookURLPattern },
      cluster: { label: defaults.clusterLabel },
    });
    expect(imported.mapped.map((setting) => `${setting.mixinKey} → ${setting.headroomKey}`)).toEqual([
      'cadvisorSelector → selectors.cadvisor',
      'clusterLabel → cluster.label',
      'kubeStateMetricsSelector → selectors.kubeStateMetrics',
      'runbookURLPattern → links.runbookUrlPattern',
      'showMultiCluster → cluster.label',
    ]);
  });

  it('keeps one cluster when showMultiCluster is false, and takes a custom cluster label when it is true', () => {
    const single = importMixinConfig({ ...defaults, showMultiCluster: false });
    expect(single.config.cluster).toBeUndefined();
    expect(single.ignored.find((setting) => setting.mixinKey === 'clusterLabel')?.reason).toContain(
      'showMultiCluster is false',
    );
    expect(importMixinConfig({ ...defaults, clusterLabel: 'k8s_cluster' }).config.cluster).toEqual({
      label: 'k8s_cluster',
    });
    expect(
      importMixinConfig({ ...defaults, clusterLabel: 'not a label' }).problems.map((problem) => problem.key),
    ).toEqual(['clusterLabel']);
  });

  it("warns that kubernetes-mixin's runbook site has no pages for headroom's alerts", () => {
    expect(imported.mapped.find((setting) => setting.mixinKey === 'runbookURLPattern')?.note).toContain(
      "not headroom's",
    );
  });

  it('reports every other key as ignored, each with a reason headroom knows', () => {
    const leaves = [
      ...Object.keys(defaults).filter((key) => key !== 'grafanaK8s'),
      ...Object.keys(defaults.grafanaK8s).map((key) => `grafanaK8s.${key}`),
    ];
    const ignored = imported.ignored.map((setting) => setting.mixinKey);
    expect([...ignored, ...imported.mapped.map((setting) => setting.mixinKey)].sort()).toEqual(leaves.sort());
    expect(ignored).toContain('grafanaK8s.dashboardNamePrefix');
    expect(ignored).toContain('grafanaK8s.grafanaTimezone');
    for (const setting of imported.ignored)
      expect(setting.reason, setting.mixinKey).not.toContain('not a kubernetes-mixin setting');
  });

  it('flags a pod label headroom will not find', () => {
    const reason = importMixinConfig({ ...defaults, podLabel: 'pod_name' }).ignored.find(
      (setting) => setting.mixinKey === 'podLabel',
    )?.reason;
    expect(reason).toContain('yours is "pod_name"');
    expect(
      importMixinConfig(defaults).ignored.find((setting) => setting.mixinKey === 'podLabel')?.reason,
    ).not.toContain('yours is');
  });

  it("maps kube-prometheus' cadvisor selector to headroom's default", () => {
    // kube-prometheus (components/k8s-control-plane.libsonnet) overrides kubernetes-mixin's cadvisorSelector so.
    const kubePrometheus = importMixinConfig({
      _config: { ...defaults, cadvisorSelector: 'job="kubelet", metrics_path="/metrics/cadvisor"' },
    });
    expect(kubePrometheus.config.selectors?.cadvisor).toBe('job="kubelet", metrics_path="/metrics/cadvisor"');
  });
});

describe('importMixinConfig never emits a setting the config schema refuses', () => {
  /** The snippet as the README spreads it: beside a defaultTeam and a Grafana URL. */
  const spread = (config: Record<string, Record<string, string>>) => ({
    ...config,
    defaultTeam: 'platform',
    links: { grafanaUrl: 'https://grafana.test', runbookUrlPattern: 'https://runbooks.test/%s', ...config.links },
  });

  it(
    "clusterLabel: namespace (a label headroom sets itself): ignored with the schema's reason, no cluster in the " +
      'snippet',
    () => {
      const imported = importMixinConfig({ ...defaults, clusterLabel: 'namespace' });
      expect(imported.problems).toEqual([]);
      expect(imported.config.cluster).toBeUndefined();
      expect(imported.mapped.map((setting) => setting.mixinKey)).toEqual([
        'cadvisorSelector',
        'kubeStateMetricsSelector',
        'runbookURLPattern',
      ]);
      const reasons = Object.fromEntries(imported.ignored.map((setting) => [setting.mixinKey, setting.reason]));
      expect(reasons.clusterLabel).toMatch(
        joined(
          /^headroom refuses cluster\.label "namespace": /,
          /is set by headroom \(its rules set, select or join on it\); pick another name/,
        ),
      );
      expect(reasons.showMultiCluster).toMatch(/^headroom refuses cluster\.label "namespace": /);
      expect(configSchema.safeParse(spread(imported.config)).success).toBe(true);
    },
  );

  it.each<[string, string]>([
    ...RESERVED_LABELS.map((label): [string, string] => ['clusterLabel', label]),
    ['runbookURLPattern', 'ftp://runbooks.test/%s'],
    ['runbookURLPattern', 'https://runbooks.test/%s?team={{ $labels.team }}'],
    ['runbookURLPattern', 'https://user:secret@runbooks.test/%s'],
  ])('%s %j: the snippet passes the schema, the value is reported as ignored', (key, value) => {
    const imported = importMixinConfig({ ...defaults, [key]: value });
    expect(imported.problems).toEqual([]);
    const parsed = configSchema.safeParse(spread(imported.config));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(imported.ignored.find((setting) => setting.mixinKey === key)?.reason).toMatch(/^headroom refuses /);
  });
});

describe('headroom import-mixin-config', () => {
  it('prints the snippet as JSON on stdout and the report on stderr', async () => {
    const result = await runCli(['import-mixin-config', DEFAULTS_FILE, '--format', 'json'], REPO_ROOT);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(importMixinConfig(defaults).config);
    expect(result.stderr).toContain('mapped 5 kubernetes-mixin settings');
    expect(result.stderr).toContain('cadvisorSelector → selectors.cadvisor: job="kubelet"');
    expect(result.stderr).toMatch(/grafanaK8s\.dashboardNamePrefix: .*"Kubernetes memory \/ "/);
  });

  it('writes a TypeScript snippet that a headroom.config.ts can spread, and generate uses its values', {
    tags: ['spawns'],
  }, async () => {
    const project = mkdtempSync(join(tmpdir(), 'headroom-import-project-'));
    const result = await runCli(
      ['import-mixin-config', DEFAULTS_FILE, '--out', join(project, 'kubernetes-mixin-settings.ts')],
      REPO_ROOT,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    writeFileSync(
      join(project, 'headroom.config.ts'),
      [
        "import { defineConfig } from 'headroom';",
        "import { kubernetesMixinSettings } from './kubernetes-mixin-settings.ts';",
        'export default defineConfig({',
        '  ...kubernetesMixinSettings,',
        "  defaultTeam: 'platform',",
        "  links: { grafanaUrl: 'https://grafana.test', ...kubernetesMixinSettings.links },",
        '});',
        '',
      ].join('\n'),
    );
    const generated = await runCli(['generate', '--config', join(project, 'headroom.config.ts')], REPO_ROOT);
    expect(generated.code, generated.stderr).toBe(0);

    const rules = ruleGroupsOnDisk(join(project, 'generated')).flatMap((group) => group.rules);
    const ratio = rules.find((rule) => rule.record === 'headroom:container_memory_working_set:ratio_limit');
    expect(ratio?.expr).toContain('container_memory_working_set_bytes{job="kubelet", container!=""');
    expect(ratio?.expr).toContain('max by (cluster, namespace, pod, container)');
    const oom = rules.find((rule) => rule.alert === 'ContainerOOMKilled') as { annotations: Record<string, string> };
    expect(oom.annotations.runbook_url).toBe(
      'https://github.com/kubernetes-monitoring/kubernetes-mixin/tree/master/runbook.md#alert-name-containeroomkilled',
    );

    // Round trip: the mixin's _config shows kubernetes-mixin's values again.
    const config = jsonnet([
      '-J',
      join(project, 'generated'),
      '-J',
      JSONNET_COMPAT,
      '-e',
      "(import 'mixin.libsonnet')._config",
    ]);
    expect(JSON.parse(config.stdout)).toEqual({
      cadvisorSelector: defaults.cadvisorSelector,
      kubeStateMetricsSelector: defaults.kubeStateMetricsSelector,
      runbookURLPattern: defaults.runbookURLPattern,
    });
  });

  it('a _config with clusterLabel: namespace: the snippet it writes is one generate accepts', async () => {
    const project = mkdtempSync(join(tmpdir(), 'headroom-import-project-'));
    const input = tempFile('mixin-config.json', JSON.stringify({ ...defaults, clusterLabel: 'namespace' }));
    const result = await runCli(
      ['import-mixin-config', input, '--out', join(project, 'kubernetes-mixin-settings.ts')],
      REPO_ROOT,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /^ {2}clusterLabel: headroom refuses cluster\.label "namespace": is set by headroom/m,
    );
    writeFileSync(
      join(project, 'headroom.config.ts'),
      [
        "import { defineConfig } from 'headroom';",
        "import { kubernetesMixinSettings } from './kubernetes-mixin-settings.ts';",
        "export default defineConfig({ ...kubernetesMixinSettings, defaultTeam: 'platform', links: { grafanaUrl: " +
          "'https://grafana.test', ...kubernetesMixinSettings.links } });",
        '',
      ].join('\n'),
    );
    const generated = await runCli(['validate', '--config', join(project, 'headroom.config.ts')], REPO_ROOT);
    expect(generated.code, generated.stderr).toBe(0);
  });

  it.each([
    [
      'a selector headroom cannot parse',
      '{\n  "cadvisorSelector": "job=\\"kubelet"\n}\n',
      /:2:3: cadvisorSelector: is not a valid list of PromQL label matchers/,
    ],
    [
      'a selector that is not a string',
      '{\n  "podLabel": "pod",\n  "kubeStateMetricsSelector": 5\n}\n',
      /:3:3: kubeStateMetricsSelector: must be a string/,
    ],
    [
      'a runbook pattern without %s',
      '{ "runbookURLPattern": "https://runbooks.test/" }',
      /:1:3: runbookURLPattern: must contain %s/,
    ],
    ['a file that is not JSON', '{ "cadvisorSelector": ', /:1:\d+: not valid JSON/],
    ['JSON that is not an object', '["cadvisorSelector"]', /must be a JSON object/],
  ])('exits 2 and writes nothing on %s', async (_, content, message) => {
    const file = tempFile('mixin-config.json', content);
    const out = join(mkdtempSync(join(tmpdir(), 'headroom-import-out-')), 'snippet.ts');
    const result = await runCli(['import-mixin-config', file, '--out', out], REPO_ROOT);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain(file);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 on a file that does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-import-'));
    const result = await runCli(['import-mixin-config', join(dir, 'missing.json')], REPO_ROOT);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot read');
  });
});
