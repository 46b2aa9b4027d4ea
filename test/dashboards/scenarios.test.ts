// What the dashboards show: their queries (recorded with sample variable values) run with the generated rules under
// `promtool test rules` against the synthetic series of scenarios/<fixture>.test.yaml. The fixture is
// test/dashboards/fixtures/<fixture> when it exists there, else test/fixtures/<fixture>.
// @module-tag spawns (promtool on both engines)
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.ts';
import { ruleGroupsOf, writeRuleFile } from '../helpers/generate-fixture.ts';
import { FIXTURES, REPO_ROOT } from '../helpers/paths.ts';
import { ENGINES, testRules } from '../helpers/promtool.ts';
import { queryRules, type TeamSamples } from './helpers/dashboard-queries.ts';

const SCENARIOS = join(REPO_ROOT, 'test/dashboards/scenarios');
const OWN_FIXTURES = join(REPO_ROOT, 'test/dashboards/fixtures');

/** The teams each scenario opens the shared team dashboard for, with the namespaces Grafana would list for each. */
const TEAMS: Record<string, TeamSamples> = {
  example: { payments: 'payments|payments-eu', search: 'search', platform: 'default|kube-system' },
  // payments owns `payments` in eu-* by its file; search owns `payments` in us-1 by the namespace label.
  'two-clusters': { payments: 'payments', search: 'payments' },
};

function configOf(fixture: string): string {
  const own = join(OWN_FIXTURES, fixture, 'headroom.config.ts');
  return existsSync(own) ? own : join(FIXTURES, fixture, 'headroom.config.ts');
}

describe.each(ENGINES)('dashboard queries on synthetic series ($name)', (engine) => {
  for (const scenario of readdirSync(SCENARIOS)
    .filter((file) => file.endsWith('.test.yaml'))
    .sort()) {
    it(scenario, async () => {
      const fixture = scenario.replace(/\.test\.yaml$/, '');
      const generation = await generate(configOf(fixture));
      const dir = mkdtempSync(join(tmpdir(), 'headroom-dashboard-scenario-'));
      // The dashboard group last: it reads what the headroom groups record in the same evaluation.
      writeRuleFile(
        [
          ...ruleGroupsOf(generation),
          { name: 'dashboard-queries', rules: queryRules(generation.tree, TEAMS[fixture]) },
        ],
        join(dir, 'rules.yaml'),
      );
      const result = testRules(engine, join(SCENARIOS, scenario), dir);
      expect(result.code, result.output).toBe(0);
      expect(result.output).toContain('SUCCESS');
    });
  }
});
