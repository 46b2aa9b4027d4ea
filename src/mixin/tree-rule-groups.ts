// The rule groups exactly as the generated PrometheusRule files carry them (spec.groups), in path order:
// what the mixin serves and what the linter checks is what `generate` writes, not a second rendering of the model.
import { parse } from 'yaml';
import type { RuleGroup } from '../rules/rule-types.ts';
import { byFirst } from '../ordering.ts';

export const PROMETHEUS_RULES_DIR = 'prometheus-rules/';

export interface FileRuleGroup {
  /** Path of the PrometheusRule file in the generated tree. */
  file: string;
  group: RuleGroup;
}

export function treeRuleGroups(files: Iterable<readonly [string, string]>): FileRuleGroup[] {
  return [...files]
    .filter(([path]) => path.startsWith(PROMETHEUS_RULES_DIR) && path.endsWith('.yaml'))
    .sort(byFirst)
    .flatMap(([file, content]) => (parse(content) as { spec: { groups: RuleGroup[] } }).spec.groups.map((group) => ({ file, group })));
}
