// Generates a fixture's output in memory, and writes its rule groups as one plain rule file for promtool.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { generate, type Generation } from '../../src/generate.ts';
import { treeRuleGroups } from '../../src/mixin/tree-rule-groups.ts';
import { FIXTURES } from './paths.ts';

export function generateFixture(name: string): Promise<Generation> {
  return generate(join(FIXTURES, name, 'headroom.config.ts'));
}

/** The `spec.groups` of every PrometheusRule in the tree. */
export function ruleGroupsOf(generation: Generation): unknown[] {
  return treeRuleGroups(generation.tree).map(({ group }) => group);
}

export function writeRuleFile(groups: unknown[], file: string): string {
  writeFileSync(file, stringify({ groups }, { lineWidth: 0 }));
  return file;
}

export function ruleFileIn(dir: string, generation: Generation): string {
  return writeRuleFile(ruleGroupsOf(generation), join(dir, 'rules.yaml'));
}
