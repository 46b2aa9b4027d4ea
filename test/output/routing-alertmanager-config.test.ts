// The AlertmanagerConfig objects, merged into an Alertmanager configuration the way prometheus-operator's
// ConfigBuilder does (pkg/alertmanager/amcfg.go, AddAlertmanagerConfigs): each object's route goes first under the
// root, its receivers renamed <namespace>/<object>/<receiver>, its top route forced to `continue: true`, and under
// matcherStrategy OnNamespace a matcher namespace="<object's namespace>" added. Then proven with the real amtool.
// @module-tag spawns (amtool)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.ts';
import { FIXTURES } from '../helpers/paths.ts';

interface ObjectMatcher {
  name: string;
  value: string;
  matchType: string;
}
interface ObjectRoute {
  receiver: string;
  matchers?: ObjectMatcher[];
  routes?: ObjectRoute[];
}
interface AlertmanagerConfig {
  kind: string;
  metadata: { name: string; namespace: string };
  spec: { route: ObjectRoute; receivers: { name: string }[] };
}

type Strategy = 'OnNamespace' | 'OnNamespaceExceptForAlertmanagerNamespace' | 'None';
const ALERTMANAGER_NAMESPACE = 'monitoring';
/** The user's own root receiver (kube-prometheus-stack ships one named "null"): what no object's route catches. */
const ROOT = 'null';

function convert(route: ObjectRoute, prefix: string): Record<string, unknown> {
  return {
    receiver: `${prefix}/${route.receiver}`,
    matchers: (route.matchers ?? []).map((m) => `${m.name}${m.matchType}${JSON.stringify(m.value)}`),
    ...(route.routes ? { routes: route.routes.map((child) => convert(child, prefix)) } : {}),
  };
}

function operatorConfig(objects: AlertmanagerConfig[], strategy: Strategy): string {
  const sorted = [...objects].sort((a, b) =>
    `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`),
  );
  const routes = sorted.map((object) => {
    const prefix = `${object.metadata.namespace}/${object.metadata.name}`;
    const top = convert(object.spec.route, prefix) as { matchers: string[] };
    const enforce =
      strategy === 'OnNamespace' ||
      (strategy === 'OnNamespaceExceptForAlertmanagerNamespace' &&
        object.metadata.namespace !== ALERTMANAGER_NAMESPACE);
    if (enforce) top.matchers.push(`namespace="${object.metadata.namespace}"`);
    return { ...top, continue: true };
  });
  const receivers = [
    { name: ROOT },
    ...sorted.flatMap((object) =>
      object.spec.receivers.map((r) => ({ name: `${object.metadata.namespace}/${object.metadata.name}/${r.name}` })),
    ),
  ];
  const file = join(mkdtempSync(join(tmpdir(), 'headroom-amcfg-')), 'alertmanager.yml');
  writeFileSync(file, stringify({ route: { receiver: ROOT, routes }, receivers }));
  const check = spawnSync('/usr/bin/amtool', ['check-config', file], { encoding: 'utf8' });
  expect(`${check.stdout}${check.stderr}`).toContain('SUCCESS');
  return file;
}

function receiversOf(file: string, labels: Record<string, string>): string {
  const result = spawnSync(
    '/usr/bin/amtool',
    ['config', 'routes', 'test', `--config.file=${file}`, ...Object.entries(labels).map(([k, v]) => `${k}=${v}`)],
    { encoding: 'utf8' },
  );
  if (result.error)
    throw new Error(`cannot run amtool (apt-get install prometheus-alertmanager): ${result.error.message}`);
  expect(result.status).toBe(0);
  return result.stdout.trim();
}

async function objects(): Promise<AlertmanagerConfig[]> {
  const { tree } = await generate(join(FIXTURES, 'routing', 'headroom.config.ts'));
  const found = [...tree.entries()]
    .filter(([path]) => path.startsWith('alertmanager/alertmanager-config-'))
    .map(([, text]) => parse(text) as AlertmanagerConfig);
  expect(found.map((object) => object.metadata.name).sort()).toEqual([
    'headroom-batch',
    'headroom-payments',
    'headroom-platform',
    'headroom-search',
  ]);
  for (const object of found) {
    expect(object.kind).toBe('AlertmanagerConfig');
    expect(object.metadata.namespace).toBe(ALERTMANAGER_NAMESPACE);
    // The operator refuses a route naming a receiver the object does not define.
    const named = (route: ObjectRoute): string[] => [route.receiver, ...(route.routes ?? []).flatMap(named)];
    const defined = object.spec.receivers.map((r) => r.name);
    expect(
      named(object.spec.route).every((name) => defined.includes(name)),
      object.metadata.name,
    ).toBe(true);
    // Every receiver carries integrations (an empty one notifies nobody), given as Secret references.
    for (const receiver of object.spec.receivers)
      expect(Object.keys(receiver).length, receiver.name).toBeGreaterThan(1);
  }
  return found;
}

describe('AlertmanagerConfig objects as the operator merges them, under amtool', () => {
  it(
    'OnNamespaceExceptForAlertmanagerNamespace: ' + 'every team reaches its receiver, info its ticket receiver',
    async () => {
      const file = operatorConfig(await objects(), 'OnNamespaceExceptForAlertmanagerNamespace');
      const to = (object: string, receiver: string) => `monitoring/headroom-${object}/${receiver}`;
      expect(receiversOf(file, { team: 'payments', severity: 'critical', namespace: 'payments-api' })).toBe(
        to('payments', 'payments-oncall'),
      );
      expect(receiversOf(file, { team: 'payments', severity: 'info', namespace: 'payments' })).toBe(
        to('payments', 'payments tickets'),
      );
      expect(receiversOf(file, { team: 'batch', severity: 'info', namespace: 'batch-1' })).toBe(
        to('batch', 'platform-oncall'),
      );
      expect(receiversOf(file, { team: 'platform', severity: 'critical', namespace: 'unowned' })).toBe(
        to('platform', 'platform-oncall'),
      );
      expect(receiversOf(file, { team: 'platform', severity: 'critical', node: 'node-1' })).toBe(
        to('platform', 'platform-oncall'),
      );
      expect(receiversOf(file, { team: 'search', severity: 'critical', namespace: 'search', cluster: 'prod-1' })).toBe(
        to('search', 'search-oncall'),
      );
      // The rules never give team=search outside prod-* (the namespace is the default team's there); were one sent,
      // no object catches it and the Alertmanager's own root takes it.
      expect(receiversOf(file, { team: 'search', severity: 'critical', namespace: 'search', cluster: 'dev' })).toBe(
        ROOT,
      );
      // Exactly one object per alert: the forced `continue: true` sends nothing twice, team values being unique.
      expect(
        receiversOf(file, { team: 'payments', severity: 'warning', namespace: 'payments' }).split(','),
      ).toHaveLength(1);
    },
  );

  it(
    'None works the same; ' + 'the default OnNamespace would route nothing (alerts carry the workload namespace)',
    async () => {
      const found = await objects();
      const none = operatorConfig(found, 'None');
      expect(receiversOf(none, { team: 'payments', severity: 'critical', namespace: 'payments' })).toBe(
        'monitoring/headroom-payments/payments-oncall',
      );
      const onNamespace = operatorConfig(found, 'OnNamespace');
      expect(receiversOf(onNamespace, { team: 'payments', severity: 'critical', namespace: 'payments' })).toBe(ROOT);
      expect(receiversOf(onNamespace, { team: 'platform', severity: 'critical', node: 'node-1' })).toBe(ROOT);
    },
  );
});
