// The catalogue is complete: every alert has its page, a scenario, a negative control, described settings whose
// defaults are valid, the inputs its rules really read and dashboard rows that exist. Adding an alert without one of
// them fails here, naming the alert and what is missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { runbookPath } from '../../src/alerts/alert-definition.ts';
import { ALERTS, ALL_ALERTS } from '../../src/alerts/catalogue.ts';
import { headroomInputMissing } from '../../src/alerts/headroom-input-missing.ts';
import type { Model } from '../../src/model/model.ts';
import { ruleGroups } from '../../src/rule-groups/rule-groups.ts';
import type { Rule } from '../../src/rules/rule-types.ts';
import { generateFixture } from '../helpers/generate-fixture.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { vectorSelectors } from '../helpers/promql-tree.ts';
import { MUTATIONS } from '../negative-controls/mutations.ts';

/** Every scenario file under test/promtool/, as text. */
function scenarioTexts(): string[] {
  const root = join(REPO_ROOT, 'test/promtool');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.test.yaml'))
    .map((path) => readFileSync(join(root, path), 'utf8'));
}

// Recordings of the ownership decision and the teams table: every alert reads them, none declares their inputs.
const OWNERSHIP =
  /^headroom:(namespace_owner|node_owner|namespace_owner_unknown|team|team_setting|namespace_containers|node_seen):/;

/** The exporter metrics an alert's expressions read, through the recordings they read (ownership's aside). */
function metricsRead(model: Model, rules: readonly Rule[]): Set<string> {
  const recordings = ruleGroups(model)
    .flatMap((group) => group.rules)
    .filter((rule) => 'record' in rule);
  const read = new Set<string>();
  const seen = new Set<string>();
  const visit = (expr: string) => {
    for (const { metric } of vectorSelectors(expr)) {
      if (!metric.startsWith('headroom:')) read.add(metric);
      else if (!OWNERSHIP.test(metric) && !seen.has(metric)) {
        seen.add(metric);
        for (const rule of recordings) if (rule.record === metric) visit(rule.expr);
      }
    }
  };
  for (const rule of rules) visit(rule.expr);
  return read;
}

describe('every alert of the catalogue', () => {
  const scenarios = scenarioTexts();

  it('has a unique key and name, in UpperCamelCase', () => {
    const names = ALL_ALERTS.map((alert) => alert.name);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(ALERTS.map((alert) => alert.key)).size).toBe(ALERTS.length);
    for (const name of names) expect(name).toMatch(/^([A-Z]+[a-z0-9]*)+$/);
  });

  for (const alert of ALL_ALERTS) {
    describe(alert.name, () => {
      it(`has its page, ${runbookPath(alert)}`, () => {
        expect(existsSync(join(REPO_ROOT, runbookPath(alert))), runbookPath(alert)).toBe(true);
      });

      it('has a promtool scenario under test/promtool/ that expects it to fire', () => {
        const fires = new RegExp(`alertname: ${alert.name}\\n\\s+exp_alerts:\\n\\s+- exp_labels`);
        expect(scenarios.some((text) => fires.test(text))).toBe(true);
      });

      it('has a negative control (test/negative-controls/mutations.ts)', () => {
        const controls = MUTATIONS.filter((mutation) => (mutation.alert ?? mutation.guards) === alert.name);
        expect(controls.length).toBeGreaterThan(0);
      });

      it(
        'declares the inputs its rules read: ' + 'the metrics of its expressions, and of its annotations besides',
        async () => {
          for (const limitSource of ['kube-state-metrics', 'cadvisor'] as const) {
            const { model } = await generateFixture('example');
            const shaped = { ...model, limitSource };
            const rules = [
              ...(alert.needs ?? []).flatMap((recordings) => recordings(shaped)),
              ...alert.rules(shaped, ALERTS),
            ];
            const declared = alert.inputs
              .filter((input) => input.limitSource === undefined || input.limitSource === limitSource)
              .map((input) => input.metric);
            // HeadroomInputMissing reads the other alerts' inputs to watch them, and needs none of its own.
            const watched = alert === headroomInputMissing ? ALERTS.flatMap((other) => other.inputs) : [];
            const read = metricsRead(shaped, rules);
            expect(
              [...read].filter(
                (metric) => !declared.includes(metric) && !watched.some((input) => input.metric === metric),
              ),
              `read, not declared (${limitSource})`,
            ).toEqual([]);
            const annotations = JSON.stringify(rules.map((rule) => ('annotations' in rule ? rule.annotations : {})));
            const unused = declared.filter((metric) => !read.has(metric) && !annotations.includes(metric));
            expect(unused, `declared, read nowhere (${limitSource})`).toEqual([]);
          }
        },
      );

      it('names dashboard rows that exist', async () => {
        const { tree } = await generateFixture('example');
        const rows = (dashboard: string) =>
          (
            JSON.parse(tree.get(`dashboards/headroom-${dashboard}.json`)!) as {
              panels: { type: string; title: string }[];
            }
          ).panels
            .filter((panel) => panel.type === 'row')
            .map((panel) => panel.title);
        expect(alert.panels.length).toBeGreaterThan(0);
        for (const panel of alert.panels) expect(rows(panel.dashboard)).toContain(panel.row);
      });
    });
  }

  for (const alert of ALERTS) {
    it(`${alert.name}: every setting is described, enabled among them, and the defaults are valid`, () => {
      const shape = (alert.settings as z.ZodObject).shape as Record<string, z.ZodType>;
      expect(Object.keys(shape)).toContain('enabled');
      for (const [setting, schema] of Object.entries(shape))
        expect(schema.description, `${alert.key}.${setting}`).toBeTruthy();
      expect(alert.settings.parse(alert.defaults)).toEqual(alert.defaults);
      expect(Object.keys(alert.defaults).sort()).toEqual(Object.keys(shape).sort());
    });
  }
});
