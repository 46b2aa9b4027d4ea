// Everything `generate` writes, as relative path → file content, built in memory so that any error
// surfaces before a single file is touched. Each output format contributes its files here.
import type { Model } from '../model/model.ts';
import { ruleGroups } from '../rules/rule-groups.ts';
import { prometheusRule } from './prometheus-rule.ts';
import { yamlText } from './yaml-text.ts';

export type GeneratedTree = Map<string, string>;
export type GeneratedFile = [path: string, content: string];

function prometheusRuleFiles(model: Model): GeneratedFile[] {
  return ruleGroups(model).map((group) => [`prometheus-rules/${group.name}.yaml`, yamlText(prometheusRule(model, group))]);
}

export function generatedTree(model: Model): GeneratedTree {
  const files = [...prometheusRuleFiles(model)];
  const duplicate = files.find(([path], i) => files.findIndex(([other]) => other === path) !== i);
  if (duplicate) throw new Error(`two outputs want to write ${duplicate[0]}`);
  return new Map(files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
