// `headroom validate` lints the rule groups it would write: each finding is a problem naming the generated file.
import type { Problem } from '../config/input-error.ts';
import { lintRuleGroups } from './lint-rules.ts';
import { treeRuleGroups } from './tree-rule-groups.ts';

export function lintTree(tree: ReadonlyMap<string, string>): Problem[] {
  return treeRuleGroups(tree).flatMap(({ file, group }) =>
    lintRuleGroups([group]).map((problem) => ({
      file: `${file} (generated)`,
      key: problem.alert ? `${problem.group}.${problem.alert}` : problem.group,
      message: `mixin guideline [${problem.rule}] ${problem.message}`,
    })),
  );
}
