// Which rule outputs (PrometheusRule objects, the plain Prometheus rule file, each Mimir ruler namespace) a change
// adds or removes. Rules are compared once whatever carries them, so this is where a reviewer sees that a ruler
// gets headroom's rules for the first time, or stops getting them.
import type { GeneratedTree } from '../output/generated-tree.ts';
import { RULE_OUTPUTS, ruleOutputPaths } from '../output/rule-outputs.ts';
import type { RuleOutputChange } from './report.ts';
import { byCodePoint } from '../values/ordering.ts';

export function compareRuleOutputs(old: GeneratedTree, current: GeneratedTree): RuleOutputChange[] {
  const before = ruleOutputUnits(old);
  const after = ruleOutputUnits(current);
  const changes: RuleOutputChange[] = [
    ...[...after]
      .filter(([name]) => !before.has(name))
      .map(([output, files]): RuleOutputChange => ({ output, status: 'added', files })),
    ...[...before]
      .filter(([name]) => !after.has(name))
      .map(([output, files]): RuleOutputChange => ({ output, status: 'removed', files })),
  ];
  return changes.sort((a, b) => byCodePoint(a.output, b.output));
}

/** Loadable unit name → its files. */
function ruleOutputUnits(tree: GeneratedTree): Map<string, string[]> {
  const units = new Map<string, string[]>();
  for (const output of RULE_OUTPUTS) {
    for (const path of ruleOutputPaths(output, tree.keys())) {
      const name = output.unitName(path);
      units.set(name, [...(units.get(name) ?? []), path]);
    }
  }
  return units;
}
