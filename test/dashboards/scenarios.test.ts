// What the dashboards show: their queries (recorded with sample variable values) run with the generated rules under
// `promtool test rules` against the synthetic series of scenarios/<fixture>.test.yaml.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFixture, ruleGroupsOf, writeRuleFile } from '../helpers/generate-fixture.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { ENGINES, testRules } from '../helpers/promtool.ts';
import { queryRules } from './helpers/dashboard-queries.ts';

const SCENARIOS = join(REPO_ROOT, 'test/dashboards/scenarios');

describe.each(ENGINES)('dashboard queries on synthetic series ($name)', (engine) => {
  for (const scenario of readdirSync(SCENARIOS).filter((file) => file.endsWith('.test.yaml')).sort()) {
    it(scenario, async () => {
      const generation = await generateFixture(scenario.replace(/\.test\.yaml$/, ''));
      const dir = mkdtempSync(join(tmpdir(), 'headroom-dashboard-scenario-'));
      // The dashboard group last: it reads what the headroom groups record in the same evaluation.
      writeRuleFile([...ruleGroupsOf(generation), { name: 'dashboard-queries', rules: queryRules(generation.tree) }], join(dir, 'rules.yaml'));
      const result = testRules(engine, join(SCENARIOS, scenario), dir);
      expect(result.code, result.output).toBe(0);
      expect(result.output).toContain('SUCCESS');
    });
  }
});
