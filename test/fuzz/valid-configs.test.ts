// Properties of arbitrary valid configs (test/fuzz/arbitraries.ts, a handful to 40 teams): each generates; every
// expression parses with lezer-promql; a second run gives the same bytes (in-process, and once through the CLI's
// files); every group passes the real `promtool check rules` on both engines; every sampled namespace and node has
// exactly one owner series, of the team that must own it (`promtool test rules` on synthetic series, both engines).
// @module-tag spawns (promtool on both engines)
import { fc, test } from '@fast-check/vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { generate } from '../../src/generate.ts';
import { listFiles } from '../../src/output/list-files.ts';
import { ruleGroupsOf } from '../helpers/generate-fixture.ts';
import { syntaxErrors } from '../helpers/promql-tree.ts';
import { ENGINES } from '../helpers/promtool.ts';
import { runCli } from '../helpers/run-cli.ts';
import { type ProjectCase, validProjectArb } from './arbitraries.ts';
import { BATCH, type BatchFailure, checkRulesBatch, ownerScenariosBatch } from './batches.ts';
import { casesOf, LONG_RUN } from './fuzz-budget.ts';
import { counter, generated, projectsFolder, runs, shown } from './property-kit.ts';

const parent = projectsFolder();

const smallProjects = validProjectArb({ large: LONG_RUN });
const batchOf = (arbitrary: fc.Arbitrary<ProjectCase>, size = BATCH) =>
  fc.array(arbitrary, { minLength: 1, maxLength: size, size: 'max' });
/** A batch's failure, with the project it came from when promtool's output names one. */
const failureText = (failure: BatchFailure, from: { project: ProjectCase; configFile: string } | undefined) =>
  `${failure.output}\n${from ? shown(from.project, from.configFile) : ''}`;

describe('fuzz: arbitrary valid configs', () => {
  const generates = counter('valid config generates, parses, is byte-identical on a second run');
  let cliChecked = false;
  test.prop([smallProjects], runs(casesOf('generates')))(generates.property, async (project) => {
    const { configFile, generation } = await generated(project, generates, parent);
    const groups = ruleGroupsOf(generation) as {
      name: string;
      rules: { expr: string; record?: string; alert?: string }[];
    }[];
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      for (const rule of group.rules) {
        const errors = syntaxErrors(rule.expr);
        if (errors.length > 0) generates.failures++;
        expect(
          errors,
          `${group.name} ${rule.record ?? rule.alert}: ${rule.expr}\n${shown(project, configFile)}`,
        ).toEqual([]);
      }
    }
    const again = await generate(configFile);
    if (JSON.stringify([...again.tree]) !== JSON.stringify([...generation.tree])) generates.failures++;
    expect([...again.tree]).toEqual([...generation.tree]);
    if (cliChecked) return;
    // Once per run, the real CLI's files: the same bytes as the in-process tree.
    cliChecked = true;
    const out = join(parent, `cli-out-${Date.now()}`);
    const result = await runCli(['generate', '--config', configFile, '--out', out], parent);
    expect(result.code, result.stderr).toBe(0);
    expect(listFiles(out).sort()).toEqual([...generation.tree.keys()].sort());
    for (const [path, content] of generation.tree) expect(readFileSync(join(out, path), 'utf8'), path).toBe(content);
  });

  for (const engine of ENGINES) {
    const checked = counter(`every group passes promtool check rules (${engine.name})`);
    test.prop([batchOf(smallProjects)], runs(casesOf('promtoolCheck'), BATCH))(checked.property, async (projects) => {
      const cases = [];
      for (const project of projects) cases.push({ project, ...(await generated(project, checked, parent)) });
      const failures = checkRulesBatch(
        engine,
        cases.map((c) => c.generation),
      );
      checked.failures += failures.length;
      const first = failures[0];
      expect(first, first && failureText(first, cases[first.index])).toBeUndefined();
    });

    const owners = counter(`every sampled namespace and node has exactly one owner, the right one (${engine.name})`);
    test.prop([batchOf(smallProjects)], runs(casesOf('owners'), BATCH))(owners.property, async (projects) => {
      const cases = [];
      for (const project of projects) cases.push({ project, ...(await generated(project, owners, parent)) });
      const failures = ownerScenariosBatch(engine, cases);
      owners.failures += failures.length;
      const first = failures[0];
      expect(first, first && failureText(first, cases[first.index])).toBeUndefined();
    });
  }
});
