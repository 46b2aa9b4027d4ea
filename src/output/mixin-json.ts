// What jsonnet-compat/mixin.libsonnet serves:
// - mixin/rule-groups.json: the rule groups every rule output holds (the spec.groups of the PrometheusRule files), in
//   group-name order, keys in the order the rule files have them (also a valid rule file). Built from the model, not
//   by parsing the YAML just written (a quarter of a second at 1,000 teams); the tests prove both are equal.
//   JSON: C++ jsonnet 0.18's std.parseYaml mangles rule files.
// - mixin/headroom.libsonnet: the index the mixin imports. jsonnet can neither list a folder nor import a computed
//   path, so the index names every file with a literal import: the dashboards are imported where they are
//   (dashboards/<uid>.json), not copied. It also carries the settings headroom generated with, under
//   kubernetes-mixin's `_config` names.
import { posix } from 'node:path';
import type { Model } from '../model/model.ts';
import { SHARED_SETTINGS } from './mixin-shared-settings.ts';
import { ruleGroups } from '../rule-groups/rule-groups.ts';
import { canonicalGroup } from './prometheus-rule.ts';
import { type GeneratedFile, textFile } from './generated-file.ts';
import { GENERATED_NOTICE } from './header.ts';
import { byCodePoint, sortedJson } from '../values/ordering.ts';

const MIXIN_RULE_GROUPS_PATH = 'mixin/rule-groups.json';
export const MIXIN_INDEX_PATH = 'mixin/headroom.libsonnet';
const DASHBOARD_FILE = /^dashboards\/[^/]+\.json$/;

export function mixinFiles(files: readonly GeneratedFile[], model: Model): GeneratedFile[] {
  const groups = ruleGroups(model)
    .map(canonicalGroup)
    .sort((a, b) => byCodePoint(a.name, b.name));
  const dashboards = files
    .map((file) => file.path)
    .filter((path) => DASHBOARD_FILE.test(path))
    .sort();
  return [
    textFile(MIXIN_RULE_GROUPS_PATH, `${JSON.stringify({ groups }, null, 2)}\n`),
    textFile(MIXIN_INDEX_PATH, indexText(model, dashboards)),
  ];
}

function indexText(model: Model, dashboards: readonly string[]): string {
  const config = Object.fromEntries(SHARED_SETTINGS.map((setting) => [setting.mixinKey, setting.read(model)]));
  const configKeys = Object.fromEntries(SHARED_SETTINGS.map((setting) => [setting.mixinKey, setting.headroomKey]));
  const fromHere = (path: string) => posix.relative(posix.dirname(MIXIN_INDEX_PATH), path);
  // JSON string literals are jsonnet string literals, so JSON.stringify quotes safely.
  const imports = dashboards
    .map((path) => `    ${JSON.stringify(posix.basename(path))}: import ${JSON.stringify(fromHere(path))},\n`)
    .join('');
  return [
    `// ${GENERATED_NOTICE}.`,
    '// Change headroom.config.ts or teams/*.yaml, then run `npm run generate`.',
    '// What jsonnet-compat/mixin.libsonnet serves: the rule groups and dashboards this folder holds, and the',
    "// settings they were generated with under kubernetes-mixin's `_config` names (configKeys: where to change them).",
    '{',
    `  config: ${indent(sortedJson(config))},`,
    `  configKeys: ${indent(sortedJson(configKeys))},`,
    `  groups: (import ${JSON.stringify(fromHere(MIXIN_RULE_GROUPS_PATH))}).groups,`,
    dashboards.length === 0 ? '  dashboards: {},' : `  dashboards: {\n${imports}  },`,
    '}',
    '',
  ].join('\n');
}

function indent(json: string): string {
  return json.trimEnd().replace(/\n/g, '\n  ');
}
