// Everything `generate` writes, as relative path → file content, built in memory so that any error
// surfaces before a single file is touched.
import type { Model } from '../model/model.ts';
import { ruleGroups } from '../rules/rule-groups.ts';
import { prometheusRule } from './prometheus-rule.ts';
import { yamlText } from './yaml-text.ts';

export type GeneratedTree = Map<string, string>;

export function generatedTree(model: Model): GeneratedTree {
  const files: [string, string][] = ruleGroups(model).map((group) => [`prometheus-rules/${group.name}.yaml`, yamlText(prometheusRule(model, group))]);
  return new Map(files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
