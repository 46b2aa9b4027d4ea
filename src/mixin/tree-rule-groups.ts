// The rule groups exactly as a generated tree carries them, read back from whichever rule output it holds:
// what the mixin serves, the linter checks and the tests evaluate is what `generate` writes, not a second rendering
// of the model. Every rule output carries the same groups, so the first one present (in RULE_OUTPUTS order:
// PrometheusRule objects, the plain Prometheus rule file, the Mimir files) is read, and only that one.
import { parse } from 'yaml';
import { RULE_OUTPUTS, ruleOutputPaths } from '../output/rule-outputs.ts';
import type { RuleGroup } from '../rules/rule-types.ts';

interface FileRuleGroup {
  /** Path in the generated tree of the file the group was read from. */
  file: string;
  group: RuleGroup;
}

export function treeRuleGroups(files: Iterable<readonly [string, string]>): FileRuleGroup[] {
  const contents = new Map(files);
  for (const output of RULE_OUTPUTS) {
    const paths = ruleOutputPaths(output, contents.keys());
    if (paths.length > 0)
      return paths.flatMap((file) => output.groupsOf(parse(contents.get(file)!)).map((group) => ({ file, group })));
  }
  return [];
}
