// The rule outputs a generated tree can hold, and how to read the groups back from each. They all carry the same
// groups (config: output.prometheusRule, output.ruleFiles); at least one is always written.
import type { RuleGroup } from '../rules/rule-types.ts';
import { PROMETHEUS_RULES_DIR } from './prometheus-rule.ts';
import { MIMIR_RULE_FILES_DIR, PROMETHEUS_RULE_FILES_DIR } from './rule-files.ts';
import { byCodePoint } from '../values/ordering.ts';

interface RuleOutput {
  /** Folder of the output's files in the generated tree (with the trailing /). */
  dir: string;
  /** What loads it, for a reviewer: one name per loadable unit (a Mimir file is one ruler namespace). */
  unitName(path: string): string;
  groupsOf(document: unknown): RuleGroup[];
}

const plainGroups = (document: unknown) => (document as { groups: RuleGroup[] }).groups;

/** In the order a reader prefers them: PrometheusRule objects first, as generate has always written them. */
export const RULE_OUTPUTS: readonly RuleOutput[] = [
  {
    dir: PROMETHEUS_RULES_DIR,
    unitName: () => `PrometheusRule objects (prometheus-operator), ${PROMETHEUS_RULES_DIR}`,
    groupsOf: (document) => (document as { spec: { groups: RuleGroup[] } }).spec.groups,
  },
  {
    dir: PROMETHEUS_RULE_FILES_DIR,
    unitName: (path) => `Prometheus rule file (rule_files, Thanos ruler, vmalert), ${path}`,
    groupsOf: plainGroups,
  },
  {
    dir: MIMIR_RULE_FILES_DIR,
    unitName: (path) =>
      `Mimir/Cortex ruler namespace ${path.slice(MIMIR_RULE_FILES_DIR.length).replace(/\.yaml$/, '')} (mimirtool), ` +
      `${path}`,
    groupsOf: plainGroups,
  },
];

/** The YAML files of one rule output among `paths`, sorted. */
export function ruleOutputPaths(output: RuleOutput, paths: Iterable<string>): string[] {
  return [...paths].filter((path) => path.startsWith(output.dir) && path.endsWith('.yaml')).sort(byCodePoint);
}
