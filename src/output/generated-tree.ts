// Everything `generate` writes, as relative path → file content, built in memory so that any error
// surfaces before a single file is touched. Each output format contributes its files here: sources from the
// model, then derived outputs from the files the sources produced (indexes of them, other encodings).
import type { Model } from '../model/model.ts';
import { ruleGroups } from '../rules/rule-groups.ts';
import { alertmanagerConfigFiles } from './alertmanager-config-objects.ts';
import { routeFileFiles } from './alertmanager-route-file.ts';
import { dashboardFiles } from './dashboard-files.ts';
import { kustomizationFiles } from './kustomization.ts';
import { mixinFiles } from './mixin-json.ts';
import { prometheusRule, prometheusRulePath } from './prometheus-rule.ts';
import { ruleFiles } from './rule-files.ts';
import { settingsManifestFiles } from './settings-manifest.ts';
import { yamlText } from './yaml-text.ts';
import { byFirst } from '../ordering.ts';

export type GeneratedTree = Map<string, string>;
export type GeneratedFile = [path: string, content: string];

type SourceOutput = (model: Model) => GeneratedFile[];
type DerivedOutput = (files: readonly GeneratedFile[], model: Model) => GeneratedFile[];

/** The rule groups, built once, in every rule output the config turns on (the config requires at least one). */
function ruleOutputFiles(model: Model): GeneratedFile[] {
  const groups = ruleGroups(model);
  const objects = model.output.prometheusRule.enabled
    ? groups.map((group): GeneratedFile => [prometheusRulePath(group), yamlText(prometheusRule(model, group))])
    : [];
  return [...objects, ...ruleFiles(model, groups)];
}

const SOURCE_OUTPUTS: SourceOutput[] = [ruleOutputFiles, settingsManifestFiles, dashboardFiles, routeFileFiles, alertmanagerConfigFiles];
/** Run in order, each seeing every file before it; kustomizationFiles stays last so it lists them all. */
const DERIVED_OUTPUTS: DerivedOutput[] = [mixinFiles, kustomizationFiles];

export function generatedTree(model: Model): GeneratedTree {
  const sources = SOURCE_OUTPUTS.flatMap((output) => output(model));
  const files = DERIVED_OUTPUTS.reduce<GeneratedFile[]>((sofar, output) => [...sofar, ...output(sofar, model)], sources);
  const tree: GeneratedTree = new Map(files.sort(byFirst));
  if (tree.size !== files.length) {
    const duplicate = files.find(([path], i) => i > 0 && files[i - 1]![0] === path)!;
    throw new Error(`two outputs want to write ${duplicate[0]}`);
  }
  return tree;
}
