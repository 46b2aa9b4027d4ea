// One-line summaries the commands print.
import type { Generation } from '../generate.ts';
import { ruleGroups } from '../rule-groups/rule-groups.ts';
import { isAlertingRule } from '../rules/rule-types.ts';

export function generationSummary({ model, tree }: Generation): string {
  const rules = ruleGroups(model).flatMap((group) => group.rules);
  const alerts = rules.filter(isAlertingRule).length;
  const held = model.notGenerated.map(({ alert, needs }) => `${alert} (needs ${needs.join(', ')})`);
  const notGenerated = held.length > 0 ? `; not generated, inputs declared absent: ${held.join(', ')}` : '';
  return `${tree.size} files, ${alerts} alerting and ${rules.length - alerts} recording rules${notGenerated}`;
}
