// Every generated rule group passes the real `promtool check rules`, and the scenarios under test/promtool/<fixture>
// prove the alerts' behaviour with `promtool test rules` on synthetic series, each on every engine (2.42 and 3.5).
// @module-tag spawns (promtool on both engines)
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, type Generation } from '../src/generate.ts';
import { ruleFileIn, ruleGroupsOf, writeRuleFile } from './helpers/generate-fixture.ts';
import { FIXTURES, REPO_ROOT } from './helpers/paths.ts';
import { ENGINES, promtool, testRules } from './helpers/promtool.ts';

const SCENARIOS = join(REPO_ROOT, 'test', 'promtool');
/**
 * Scenarios that also run lagged: every rule reading the others an evaluation late, as on vmalert
 * (helpers/promtool.ts).
 */
const LAGGED = ['fleet/ownership-transitions.test.yaml'];

/** Each config is generated once for all its checks and scenarios on every engine. */
const generations = new Map<string, Promise<Generation>>();
const generated = (config: string) => generations.get(config) ?? generations.set(config, generate(config)).get(config)!;

for (const engine of ENGINES) {
  describe(engine.name, () => {
    describe('promtool check rules', () => {
      const configs = {
        'the repository example': join(REPO_ROOT, 'headroom.config.ts'),
        'fixture example': join(REPO_ROOT, 'test/fixtures/example/headroom.config.ts'),
        'fixture cadvisor-limits': join(REPO_ROOT, 'test/fixtures/cadvisor-limits/headroom.config.ts'),
      };
      for (const [name, config] of Object.entries(configs)) {
        it(`accepts every group generated from ${name}`, async () => {
          const generation = await generated(config);
          const dir = mkdtempSync(join(tmpdir(), 'headroom-check-'));
          const files = ruleGroupsOf(generation).map((group, i) =>
            writeRuleFile([group], join(dir, `group-${i}.yaml`)),
          );
          expect(files.length).toBeGreaterThanOrEqual(3);
          const result = promtool(engine, ['check', 'rules', ...files]);
          expect(result.output).not.toContain('FAILED');
          expect(result.code, result.output).toBe(0);
        });
      }
    });

    describe('promtool test rules', () => {
      for (const fixture of readdirSync(SCENARIOS).sort()) {
        for (const scenario of readdirSync(join(SCENARIOS, fixture))
          .filter((file) => file.endsWith('.test.yaml'))
          .sort()) {
          it(`${fixture}/${scenario}`, async () => {
            const dir = mkdtempSync(join(tmpdir(), 'headroom-scenario-'));
            ruleFileIn(dir, await generated(join(FIXTURES, fixture, 'headroom.config.ts')));
            const result = testRules(engine, join(SCENARIOS, fixture, scenario), dir);
            expect(result.code, result.output).toBe(0);
            expect(result.output).toContain('SUCCESS');
          });
          if (!LAGGED.includes(`${fixture}/${scenario}`)) continue;
          it(`${fixture}/${scenario}, every rule reading the others an evaluation late`, async () => {
            const dir = mkdtempSync(join(tmpdir(), 'headroom-scenario-'));
            ruleFileIn(dir, await generated(join(FIXTURES, fixture, 'headroom.config.ts')));
            const result = testRules(engine, join(SCENARIOS, fixture, scenario), dir, { lagged: true });
            expect(result.code, result.output).toBe(0);
            expect(result.output).toContain('SUCCESS');
          });
        }
      }
    });
  });
}
