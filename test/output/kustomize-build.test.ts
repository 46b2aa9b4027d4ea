// `kustomize build generated/` succeeds and yields exactly the generated Kubernetes objects: the real kustomize
// (Debian sid's, unpacked into .tools/kustomize by scripts/install-kustomize.sh), on the example config and on a
// config with every output on (AlertmanagerConfig objects, GrafanaDashboards, ConfigMaps, rule files beside them).
// @module-tag spawns (kustomize)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.ts';
import { writeTreeAtomically } from '../../src/output/write-tree.ts';
import { FIXTURES, REPO_ROOT } from '../helpers/paths.ts';

const KUSTOMIZE = join(REPO_ROOT, '.tools/kustomize/usr/bin/kustomize');

interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string };
}

function objectsIn(text: string, where: string): unknown[] {
  return parseAllDocuments(text).map((document) => {
    expect(document.errors, where).toEqual([]);
    return document.toJS() as unknown;
  });
}

function isObject(value: unknown): value is KubeObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as KubeObject).apiVersion === 'string' &&
    typeof (value as KubeObject).kind === 'string'
  );
}

function id(object: KubeObject): string {
  return (
    `${object.apiVersion} ${object.kind} ` +
    `${object.metadata?.namespace ?? '(no namespace)'}/${object.metadata?.name ?? '(no name)'}`
  );
}

function kustomizeBuild(dir: string): string {
  if (!existsSync(KUSTOMIZE))
    throw new Error(`kustomize not found at ${KUSTOMIZE}; install it with \`bash scripts/install-kustomize.sh\``);
  const result = spawnSync(KUSTOMIZE, ['build', dir], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  expect(result.stderr, 'kustomize build stderr').toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

describe('kustomize build generated/', () => {
  const configs: [string, string][] = [
    ['the example', join(REPO_ROOT, 'headroom.config.ts')],
    ['every output on (test/fixtures/routing)', join(FIXTURES, 'routing', 'headroom.config.ts')],
  ];
  for (const [name, config] of configs) {
    it(`lists exactly the generated objects: ${name}`, async () => {
      const { tree } = await generate(config);
      const dir = join(mkdtempSync(join(tmpdir(), 'headroom-kustomize-')), 'generated');
      await writeTreeAtomically(dir, tree);
      // What the tree holds, read here without the code that writes kustomization.yaml: every document of every
      // YAML file that has apiVersion and kind, but the kustomization itself.
      const generated = [...tree.entries()]
        .filter(([path]) => /\.ya?ml$/.test(path) && path !== 'kustomization.yaml')
        .flatMap(([path, text]) => objectsIn(text, path).filter(isObject));
      const built = objectsIn(kustomizeBuild(dir), 'kustomize output');
      expect(built.every(isObject)).toBe(true);
      expect((built as KubeObject[]).map(id).sort()).toEqual(generated.map(id).sort());
      // Nothing listed twice, and kustomize passed every object through unchanged.
      expect(new Set(generated.map(id)).size).toBe(generated.length);
      const byId = new Map((built as KubeObject[]).map((object) => [id(object), object]));
      for (const object of generated) expect(byId.get(id(object)), id(object)).toEqual(object);
      if (config.includes('routing')) {
        expect(generated.map((object) => object.kind)).toEqual(
          expect.arrayContaining(['PrometheusRule', 'ConfigMap', 'GrafanaDashboard', 'AlertmanagerConfig']),
        );
      }
    });
  }

  it('fails, as a negative control, when the kustomization lists a file that is no Kubernetes object', async () => {
    const { tree } = await generate(join(REPO_ROOT, 'headroom.config.ts'));
    const dir = join(mkdtempSync(join(tmpdir(), 'headroom-kustomize-')), 'generated');
    const kustomization = tree
      .get('kustomization.yaml')!
      .replace('resources:\n', 'resources:\n  - headroom-settings.yaml\n');
    await writeTreeAtomically(dir, new Map([...tree, ['kustomization.yaml', kustomization]]));
    const result = spawnSync(KUSTOMIZE, ['build', dir], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/headroom-settings\.yaml/);
  });
});
