// Arbitrary valid configs of 200 to 300 teams (seconds each to generate): every property of valid-configs.test.ts at
// once — generates, every expression parses, every group passes promtool check rules and every sampled namespace and
// node has exactly one owner, the right one, on both engines.
// @module-tag spawns (promtool on both engines)
import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { ruleGroupsOf } from '../helpers/generate-fixture.ts';
import { syntaxErrors } from '../helpers/promql-tree.ts';
import { ENGINES } from '../helpers/promtool.ts';
import { validProjectArb } from './arbitraries.ts';
import { checkRulesBatch, ownerScenariosBatch } from './batches.ts';
import { casesOf } from './fuzz-budget.ts';
import { counter, generated, projectsFolder, runs, shown } from './property-kit.ts';

const parent = projectsFolder();

describe('fuzz: arbitrary valid configs of 200 to 300 teams', () => {
  const large = counter('200–300 teams: generates, parses, promtool check rules and owners on both engines');
  test.prop([validProjectArb({ large: 'only' })], runs(casesOf('large')))(large.property, async (project) => {
    const { configFile, generation } = await generated(project, large, parent);
    const groups = ruleGroupsOf(generation) as { rules: { expr: string }[] }[];
    const errors = groups.flatMap((group) => group.rules.flatMap((rule) => syntaxErrors(rule.expr)));
    if (errors.length > 0) large.failures++;
    expect(errors, shown(project, configFile)).toEqual([]);
    for (const engine of ENGINES) {
      const failures = [
        ...checkRulesBatch(engine, [generation]),
        ...ownerScenariosBatch(engine, [{ project, generation }]),
      ];
      if (failures.length > 0) large.failures++;
      expect(
        failures[0],
        failures[0] && `${engine.name}: ${failures[0].output}\n${shown(project, configFile)}`,
      ).toBeUndefined();
    }
  });
});
