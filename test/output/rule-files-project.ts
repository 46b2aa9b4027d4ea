// A copy of fixture rule-files with its `output:` line replaced, generated in memory: the rule outputs on and off.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { generate, type Generation } from '../../src/generate.ts';
import type { GeneratedTree } from '../../src/output/generated-tree.ts';
import { byFirst } from '../../src/values/ordering.ts';
import { type TempProject, tempProject } from '../helpers/temp-project.ts';

export const MIMIR_NAMESPACE = 'kubernetes-memory';
const MIMIR = `mimir: { enabled: true, namespace: '${MIMIR_NAMESPACE}' }`;
const RULE_FILES = `ruleFiles: { prometheus: { enabled: true }, ${MIMIR} }`;

/** The `output:` values the tests switch between. */
export const OUTPUTS = {
  objectsOnly: '{}',
  filesOnly: `{ prometheusRule: { enabled: false }, ${RULE_FILES} }`,
  both: `{ ${RULE_FILES} }`,
  prometheusFileOnly: '{ prometheusRule: { enabled: false }, ruleFiles: { prometheus: { enabled: true } } }',
  mimirOnly:
    `{ prometheusRule: { enabled: false }, ruleFiles: { mimir: { enabled: true, namespace: ` +
    `'${MIMIR_NAMESPACE}' } } }`,
  none: '{ prometheusRule: { enabled: false } }',
} as const;

export function projectWith(output: string, project: TempProject = tempProject('rule-files')): TempProject {
  const config = project.read('headroom.config.ts');
  // `output: {…},` on one line, or over several up to its closing `},` (as the formatter wraps a long one).
  const entry = /^ {2}output: (?:.*,|\{\n(?: {4}.*\n)* {2}\},)$/m;
  if (!entry.test(config)) throw new Error('fixture rule-files has no `output:` entry to replace');
  project.write('headroom.config.ts', config.replace(entry, `  output: ${output},`));
  return project;
}

export async function generateWith(output: string): Promise<Generation & { project: TempProject }> {
  const project = projectWith(output);
  return { project, ...(await generate(join(project.dir, 'headroom.config.ts'))) };
}

/** spec.groups of the PrometheusRule files, read here with a plain parse (not the reader under test). */
export function objectGroups(tree: GeneratedTree): unknown[] {
  return [...tree]
    .filter(([path]) => path.startsWith('prometheus-rules/'))
    .sort(byFirst)
    .flatMap(([, content]) => (parse(content) as { spec: { groups: unknown[] } }).spec.groups);
}

export function writeTemp(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'headroom-rule-files-')), name);
  writeFileSync(file, content);
  return file;
}
