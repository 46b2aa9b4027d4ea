// Hostile input, Kubernetes metadata and URLs: what `generate` accepts, the Kubernetes API server, Prometheus,
// Grafana and Alertmanager accept too. Bad namespaces, label and annotation keys, label values, link URLs and
// receiver names are refused at file:line:col with their key; odd but valid values are written as inert strings
// that kubectl (YAML 1.1) and the API server's metadata rules read back unchanged.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { metadataProblems } from '../../src/values/kubernetes-names.ts';
import { generate } from '../../src/generate.ts';
import { listFiles } from '../../src/output/list-files.ts';
import { expectRefused, generatedProject, type HostileProject } from '../helpers/hostile.ts';
import { runCli } from '../helpers/run-cli.ts';
import { tempProject } from '../helpers/temp-project.ts';
import { joined } from '../helpers/regexp.ts';

interface Settings {
  grafanaUrl?: string;
  runbookUrlPattern?: string;
  /** Source text of output.prometheusRule, output.dashboards and the config's routing. */
  prometheusRule?: string;
  dashboards?: string;
  routing?: string;
  teams?: string;
}

/** headroom.config.ts with every setting of this corpus on a line of its own (line numbers in the comments). */
function configText(settings: Settings = {}): string {
  return [
    "import { defineConfig } from 'headroom';", // 1
    'export default defineConfig({', // 2
    "  defaultTeam: 'platform',", // 3
    `  teams: ${settings.teams ?? "[{ name: 'platform', namespaces: ['kube-system'] }]"},`, // 4
    '  links: {', // 5
    `    grafanaUrl: ${JSON.stringify(settings.grafanaUrl ?? 'https://grafana.test')},`, // 6
    `    runbookUrlPattern: ${JSON.stringify(settings.runbookUrlPattern ?? 'https://runbooks.test/%s')},`, // 7
    '  },', // 8
    '  output: {', // 9
    `    prometheusRule: ${settings.prometheusRule ?? "{ labels: { release: 'kube-prometheus-stack' } }"},`, // 10
    `    dashboards: ${settings.dashboards ?? '{}'},`, // 11
    '  },', // 12
    `  ${settings.routing ? `routing: ${settings.routing},` : ''}`, // 13
    '});', // 14
    '',
  ].join('\n');
}

const ORIGINAL_CONFIG = configText();

let project: HostileProject;
const originalTeams: Record<string, string> = {};

beforeAll(async () => {
  project = await generatedProject();
  for (const team of ['payments', 'search']) originalTeams[team] = project.read(`teams/${team}.yaml`);
}, 60_000);

afterEach(() => {
  project.write('headroom.config.ts', ORIGINAL_CONFIG);
  for (const [team, text] of Object.entries(originalTeams)) project.write(`teams/${team}.yaml`, text);
});

/** Writes the config and expects it refused with `headroom.config.ts:<line>:<col>: <key>: …<message>…`. */
async function refusedConfig(settings: Settings, line: number, key: string, message: string): Promise<void> {
  project.write('headroom.config.ts', configText(settings));
  await expectRefused(
    project,
    ['generate'],
    new RegExp(`headroom\\.config\\.ts:${line}:\\d+: ${escaped(key)}: [^\\n]*${escaped(message)}`),
  );
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Generates with this config in a fresh copy of the example (accepted cases change generated/), returns the tree. */
async function accepted(settings: Settings): Promise<{ dir: string; files: Record<string, string> }> {
  const fresh = tempProject('example');
  fresh.write('headroom.config.ts', configText(settings));
  const result = await runCli(['generate'], fresh.dir);
  expect(result.code, result.stderr).toBe(0);
  const files = Object.fromEntries(
    listFiles(join(fresh.dir, 'generated')).map((path) => [path, fresh.read(`generated/${path}`)]),
  );
  return { dir: fresh.dir, files };
}

/** Every dashboard_url annotation of the generated PrometheusRule objects. */
function dashboardUrls(files: Record<string, string>): string[] {
  return Object.entries(files)
    .filter(([path]) => path.startsWith('prometheus-rules/'))
    .flatMap(
      ([, text]) =>
        (parse(text) as { spec: { groups: { rules: { annotations?: Record<string, string> }[] }[] } }).spec.groups,
    )
    .flatMap((group) =>
      group.rules.flatMap((rule) => (rule.annotations?.dashboard_url ? [rule.annotations.dashboard_url] : [])),
    );
}

describe('Kubernetes metadata', () => {
  it("output.prometheusRule.namespace 'Bad Namespace!'", async () => {
    await refusedConfig(
      { prometheusRule: "{ namespace: 'Bad Namespace!' }" },
      10,
      'output.prometheusRule.namespace',
      'must be a Kubernetes namespace name',
    );
  });

  it('output.prometheusRule.namespace of 64 characters (a DNS-1123 label has at most 63)', async () => {
    await refusedConfig(
      { prometheusRule: `{ namespace: '${'n'.repeat(64)}' }` },
      10,
      'output.prometheusRule.namespace',
      'at most 63 characters',
    );
  });

  it("PrometheusRule label key 'bad key!!'", async () => {
    await refusedConfig(
      { prometheusRule: "{ labels: { 'bad key!!': 'x' } }" },
      10,
      'output.prometheusRule.labels.bad key!!',
      'must be a Kubernetes label name or annotation key',
    );
  });

  it("PrometheusRule label key with spaces ('release name')", async () => {
    await refusedConfig(
      { prometheusRule: "{ labels: { 'release name': 'x' } }" },
      10,
      'output.prometheusRule.labels.release name',
      'must be a Kubernetes label name or annotation key',
    );
  });

  it('PrometheusRule label key with a prefix of 254 characters', async () => {
    const key = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}/release`;
    await refusedConfig(
      { prometheusRule: `{ labels: { '${key}': 'x' } }` },
      10,
      `output.prometheusRule.labels.${key}`,
      'prefix (before /) is at most 253 characters',
    );
  });

  it('PrometheusRule label key whose name part has 64 characters', async () => {
    const key = `example.com/${'x'.repeat(64)}`;
    await refusedConfig(
      { prometheusRule: `{ labels: { '${key}': 'x' } }` },
      10,
      `output.prometheusRule.labels.${key}`,
      'has 1 to 63 characters',
    );
  });

  it('PrometheusRule label value with a newline', async () => {
    await refusedConfig(
      { prometheusRule: "{ labels: { release: 'kube-prometheus\\nstack' } }" },
      10,
      'output.prometheusRule.labels.release',
      'must be a Kubernetes label value',
    );
  });

  it('PrometheusRule label value of 64 characters', async () => {
    await refusedConfig(
      { prometheusRule: `{ labels: { release: '${'v'.repeat(64)}' } }` },
      10,
      'output.prometheusRule.labels.release',
      'at most 63 characters',
    );
  });

  it("PrometheusRule label value with invalid characters ('{{ .Release }}')", async () => {
    await refusedConfig(
      { prometheusRule: "{ labels: { release: '{{ .Release }}' } }" },
      10,
      'output.prometheusRule.labels.release',
      'must be a Kubernetes label value',
    );
  });

  it("Grafana sidecar label name with a space ('grafana dashboard')", async () => {
    await refusedConfig(
      { dashboards: "{ configMap: { labelName: 'grafana dashboard' } }" },
      11,
      'output.dashboards.configMap.labelName',
      'must be a Kubernetes label name or annotation key',
    );
  });

  it("ConfigMap annotation key 'bad key!!'", async () => {
    await refusedConfig(
      { dashboards: "{ configMap: { annotations: { 'bad key!!': 'Memory' } } }" },
      11,
      'output.dashboards.configMap.annotations.bad key!!',
      'must be a Kubernetes label name or annotation key',
    );
  });

  it('ConfigMap annotations over 256 KiB in total (the API server refuses the object)', async () => {
    await refusedConfig(
      { dashboards: `{ configMap: { annotations: { note: 'x'.repeat(262144) } } }` },
      11,
      'output.dashboards.configMap.annotations',
      'at most 262144 bytes',
    );
  });

  it("AlertmanagerConfig label key 'bad key!!' and namespace 'Bad Namespace!'", async () => {
    project.write(
      'headroom.config.ts',
      configText({
        routing:
          "{ defaultReceiver: 'oncall', alertmanagerConfig: { enabled: true, namespace: 'Bad Namespace!', labels: { " +
          "'bad key!!': 'x' } } }",
      }),
    );
    await expectRefused(
      project,
      ['generate'],
      /headroom\.config\.ts:13:\d+: routing\.alertmanagerConfig\.namespace: must be a Kubernetes namespace name/,
      joined(
        /headroom\.config\.ts:13:\d+: /,
        /routing\.alertmanagerConfig\.labels\.bad key!!: must be a Kubernetes label name or annotation key/,
      ),
    );
  });

  it(
    'ConfigMap annotation values are free text: a newline, `{{ .Foo }}`, `$labels` and a YAML document marker are ' +
      'written as one inert string',
    async () => {
      const value = 'Kubernetes: memory\n---\nkind: Secret\n{{ .Foo }} $labels "quoted" #not-a-comment';
      const { files } = await accepted({
        dashboards: `{ configMap: { annotations: { 'k8s-sidecar-target-directory': ${JSON.stringify(value)} } } }`,
      });
      const configMaps = Object.entries(files).filter(([path]) => path.startsWith('dashboards/configmaps/'));
      expect(configMaps.length).toBeGreaterThan(0);
      for (const [path, text] of configMaps) {
        const documents = parseAllDocuments(text, { version: '1.1' });
        expect(Array.isArray(documents) ? documents.length : 0, path).toBe(1);
        const object = (documents as { toJS(): unknown }[])[0]!.toJS() as {
          metadata: { annotations: Record<string, string> };
          kind: string;
        };
        expect(object.kind).toBe('ConfigMap');
        expect(object.metadata.annotations).toEqual({ 'k8s-sidecar-target-directory': value });
      }
    },
  );

  it(
    'object names: the longest team name (26 characters) names valid ConfigMaps and AlertmanagerConfigs; 27 is ' +
      'refused',
    async () => {
      const longest = 'abcdefghijklmnopqrstuvwxy0';
      const { files } = await accepted({
        teams: `[{ name: 'platform', namespaces: ['kube-system'] }, { name: '${longest}', namespaces: ['long'] }]`,
        dashboards: `{ perTeam: ['${longest}'], grafanaOperator: { enabled: true } }`,
        routing: "{ defaultReceiver: 'oncall', alertmanagerConfig: { enabled: true, receivers: { oncall: {} } } }",
      });
      const names = kubernetesObjects(files).map(({ object }) => object.metadata?.name);
      expect(names).toContain(`headroom-team-${longest}`);
      expect(names).toContain(`headroom-${longest}`);
      // No config value other than a team name feeds an object name: these are every name written.
      expect(
        new Set(
          names.map((name) =>
            String(name)
              .replace(longest, '<team>')
              .replace(/headroom-(platform|payments|search)$/, 'headroom-<team>'),
          ),
        ),
      ).toEqual(
        new Set([
          'headroom-container-memory',
          'headroom-meta',
          'headroom-node-memory',
          'headroom-overview',
          'headroom-namespace-ownership',
          'headroom-node-ownership',
          'headroom-team',
          'headroom-team-<team>',
          'headroom-teams',
          'headroom-<team>',
        ]),
      );
      project.write(
        'headroom.config.ts',
        configText({
          teams: `[{ name: 'platform', namespaces: ['kube-system'] }, { name: '${longest}z', namespaces: ['long'] }]`,
        }),
      );
      await expectRefused(
        project,
        ['generate'],
        /headroom\.config\.ts:4:\d+: teams\.1\.name: must be 1 to 26 lowercase letters/,
      );
    },
  );

  it(
    'every generated object passes the API server metadata rules after odd but valid values, and reads the same in ' +
      'YAML 1.1 (kubectl) and 1.2',
    async () => {
      const prefix253 = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
      const { files } = await accepted({
        teams:
          "[{ name: 'platform', namespaces: ['kube-system'], labels: { pager: 'yes' } }, { name: " +
          "'abcdefghijklmnopqrstuvwxy0', namespaces: ['long'] }]",
        prometheusRule:
          `{ namespace: '${'n'.repeat(63)}', labels: { release: 'yes', on: 'on', 'example.com/n': 'n', ` +
          `empty: '', octal: '0o17', bool: 'true', '${prefix253}/${'x'.repeat(63)}': '${'v'.repeat(63)}' } }`,
        dashboards:
          "{ perTeam: ['abcdefghijklmnopqrstuvwxy0'], configMap: { labelName: 'example.com/dashboard', labelValue: " +
          "'NO', annotations: { 'k8s-sidecar-target-directory': '/tmp/dashboards/Kubernetes: \"memory\"\\n{{ x }}' } " +
          "}, grafanaOperator: { enabled: true, namespace: 'grafana', instanceSelector: { dashboards: 'off' }, " +
          "folder: 'Memory: {{ x }}' } }",
        routing:
          '{ defaultReceiver: \'Platform "On-Call" #1\', alertmanagerConfig: { enabled: true, labels: { ' +
          "alertmanagerConfig: 'y' }, receivers: { 'Platform \"On-Call\" #1': { webhookConfigs: [{ urlSecret: { " +
          "name: 'hook', key: 'url' } }] } } } }",
      });
      const objects = kubernetesObjects(files);
      expect(new Set(objects.map(({ object }) => object.kind))).toEqual(
        new Set(['PrometheusRule', 'ConfigMap', 'GrafanaDashboard', 'AlertmanagerConfig']),
      );
      for (const { path, object, asYaml12 } of objects) {
        expect(metadataProblems(object.metadata ?? {}), path).toEqual([]);
        expect(object, `${path} reads the same in YAML 1.1 and 1.2`).toEqual(asYaml12);
      }
      const rule = objects.find(({ object }) => object.kind === 'PrometheusRule')!.object.metadata!;
      expect(rule.labels).toMatchObject({
        release: 'yes',
        on: 'on',
        'example.com/n': 'n',
        empty: '',
        octal: '0o17',
        bool: 'true',
      });
      // The kustomization lists exactly these objects.
      expect((parse(files['kustomization.yaml']!) as { resources: string[] }).resources).toEqual(
        objects.map(({ path }) => path).sort(),
      );
    },
  );
});

interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
}

/** Every Kubernetes object the tree holds (Kustomization aside), read as kubectl reads YAML (1.1) and as YAML 1.2. */
function kubernetesObjects(
  files: Record<string, string>,
): { path: string; object: KubernetesObject; asYaml12: unknown }[] {
  return Object.entries(files)
    .filter(([path]) => /\.ya?ml$/.test(path))
    .flatMap(([path, text]) => {
      const yaml11 = parseAllDocuments(text, { version: '1.1' });
      const yaml12 = parseAllDocuments(text);
      if (!Array.isArray(yaml11) || !Array.isArray(yaml12)) return [];
      return yaml11.flatMap((document, i) => {
        const object = document.toJS() as KubernetesObject | null;
        if (
          typeof object?.apiVersion !== 'string' ||
          typeof object.kind !== 'string' ||
          object.kind === 'Kustomization'
        )
          return [];
        return [{ path, object, asYaml12: yaml12[i]!.toJS() }];
      });
    });
}

describe('links.grafanaUrl and links.runbookUrlPattern', () => {
  it(
    'grafanaUrl with a query string (https://g.example.com/?orgId=2): dashboard_url keeps orgId=2 before our ' +
      'variables',
    async () => {
      const urls = dashboardUrls((await accepted({ grafanaUrl: 'https://g.example.com/?orgId=2' })).files);
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls)
        expect(url).toMatch(/^https:\/\/g\.example\.com\/d\/headroom-(team|overview)\?orgId=2&(var-|\{\{ range )/);
      expect(urls).toContain(
        'https://g.example.com/d/headroom-team?orgId=2&var-team={{ $labels.team }}' +
          '&var-namespace={{ $labels.namespace }}&var-pod={{ $labels.pod }}',
      );
    },
  );

  it('grafanaUrl with a path prefix (https://g.example.com/grafana/): kept before /d/<uid>', async () => {
    const urls = dashboardUrls((await accepted({ grafanaUrl: 'https://g.example.com/grafana/' })).files);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls)
      expect(url).toMatch(/^https:\/\/g\.example\.com\/grafana\/d\/headroom-(team|overview)\?(var-|\{\{ range )/);
  });

  it('grafanaUrl with a #fragment', async () => {
    await refusedConfig(
      { grafanaUrl: 'https://g.example.com/#x' },
      6,
      'links.grafanaUrl',
      'must not contain a #fragment',
    );
  });

  it.each(['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd'])(
    'grafanaUrl %s',
    async (url) => {
      await refusedConfig({ grafanaUrl: url }, 6, 'links.grafanaUrl', 'must be an http:// or https:// URL');
    },
  );

  it.each(['javascript:alert(%s)', 'data:text/plain,%s', 'file:///runbooks/%s'])(
    'runbookUrlPattern %s',
    async (pattern) => {
      await refusedConfig(
        { runbookUrlPattern: pattern },
        7,
        'links.runbookUrlPattern',
        'must be an http:// or https:// URL',
      );
    },
  );

  it('grafanaUrl with credentials (https://user:pass@host): a secret in every generated rule', async () => {
    await refusedConfig(
      { grafanaUrl: 'https://admin:s3cret@g.example.com' },
      6,
      'links.grafanaUrl',
      'must not contain a user name or password',
    );
  });

  it('runbookUrlPattern with credentials (https://user:pass@host/%s)', async () => {
    await refusedConfig(
      { runbookUrlPattern: 'https://user:pass@runbooks.test/%s' },
      7,
      'links.runbookUrlPattern',
      'must not contain a user name or password',
    );
  });

  it('grafanaUrl containing {{ .Foo }} (copied live into a Go template)', async () => {
    await refusedConfig(
      { grafanaUrl: 'https://g.example.com/{{ .Foo }}' },
      6,
      'links.grafanaUrl',
      'must not contain {{ or }}',
    );
  });

  it.each([
    ['an unbalanced {{', 'https://runbooks.test/{{%s', 'must not contain {{ or }}'],
    ['{{ .Foo }}', 'https://runbooks.test/{{ .Foo }}/%s', 'must not contain {{ or }}'],
    ['$labels', 'https://runbooks.test/$labels.namespace/%s', 'must not contain $labels'],
    ['no %s', 'https://runbooks.test/oom', 'must contain %s'],
    ['two %s', 'https://runbooks.test/%s#%s', 'must contain %s once'],
  ])('runbookUrlPattern with %s', async (_, pattern, message) => {
    await refusedConfig({ runbookUrlPattern: pattern }, 7, 'links.runbookUrlPattern', message);
  });
});

describe('Alertmanager receiver names', () => {
  const ROUTING = "{ defaultReceiver: 'platform-oncall' }";

  it.each([
    ['a newline', '"payments\\noncall"', 'must not contain newlines'],
    ['empty', '""', 'must not be empty'],
    ['300 characters', `"${'r'.repeat(300)}"`, 'must be at most 200 characters'],
    ['{{ .Foo }}', '"{{ .Foo }}"', 'must not contain {{'],
  ])('team routing.receiver %s', async (_, receiver, message) => {
    project.write('headroom.config.ts', configText({ routing: ROUTING }));
    project.write('teams/payments.yaml', `${originalTeams.payments}routing: { receiver: ${receiver} }\n`);
    const line = originalTeams.payments!.split('\n').length;
    await expectRefused(
      project,
      ['generate'],
      new RegExp(`teams/payments\\.yaml:${line}:\\d+: routing\\.receiver: ${escaped(message)}`),
    );
  });

  it('odd but valid receiver names (quotes, #, :, unicode, 200 characters) pass the real amtool check-config', {
    tags: ['spawns'],
  }, async () => {
    const receivers = [
      'Platform "On-Call" #1',
      'payments: tickets/ü',
      'yes',
      `${'r'.repeat(200)}`,
      "back\\slash 'single'",
    ];
    const dir = mkdtempSync(join(tmpdir(), 'headroom-metadata-amtool-'));
    const config = join(dir, 'headroom.config.ts');
    writeFileSync(
      config,
      `import { defineConfig } from 'headroom';\nexport default defineConfig(${JSON.stringify({
        defaultTeam: 'platform',
        routing: { defaultReceiver: receivers[0], ticketReceiver: receivers[1] },
        teams: [
          { name: 'platform', namespaces: ['kube-system'] },
          { name: 'web', namespaces: ['web'], routing: { receiver: receivers[2], ticketReceiver: receivers[3] } },
          { name: 'data', namespaces: ['data'], routing: { receiver: receivers[4] } },
        ],
        links: { grafanaUrl: 'https://grafana.test', runbookUrlPattern: 'https://runbooks.test/%s' },
      })});\n`,
    );
    const { tree } = await generate(config);
    const routes = parse(tree.get('alertmanager/routes.yaml')!) as object;
    const file = join(dir, 'alertmanager.yml');
    writeFileSync(file, stringify({ ...routes, receivers: receivers.map((name) => ({ name })) }));
    const check = spawnSync('/usr/bin/amtool', ['check-config', file], { encoding: 'utf8' });
    expect(check.error, 'amtool (apt-get install prometheus-alertmanager)').toBeUndefined();
    expect(`${check.stdout}${check.stderr}`).toContain('SUCCESS');
    expect(check.status).toBe(0);
    // Each name reached the route tree as the string it was, nothing more.
    const named = JSON.stringify(routes);
    for (const receiver of receivers) expect(named).toContain(JSON.stringify(receiver));
  });
});
