// A fixture's model with alert overrides applied per owner, and the rules it generates picked apart: for tests that
// check how team settings shape the rule set without writing team files.
import type { Model, Owner } from '../../src/model/model.ts';
import { ruleGroups } from '../../src/rule-groups/rule-groups.ts';
import type { AlertingRule, RecordingRule, Rule } from '../../src/rules/rule-types.ts';
import { generateFixture } from './generate-fixture.ts';
import { vectorSelectors } from './promql-tree.ts';

type Overrides = Partial<{ [A in keyof Owner['alerts']]: Partial<Owner['alerts'][A]> }>;

/** A fixture's model with overrides for the named owners (team name, or '' for the catch-all). */
export async function modelWith(overrides: Record<string, Overrides>, fixture = 'example'): Promise<Model> {
  const { model } = await generateFixture(fixture);
  const owners = model.owners.map((owner) => {
    const extra = overrides[owner.claimedBy ?? ''] ?? {};
    const alerts = { ...owner.alerts } as Record<string, object>;
    for (const [name, settings] of Object.entries(extra)) alerts[name] = { ...alerts[name], ...settings };
    return { ...owner, alerts: alerts as Owner['alerts'] };
  });
  return { ...model, owners };
}

export const rules = (model: Model): Rule[] => ruleGroups(model).flatMap((group) => group.rules);
export const recorded = (model: Model, name: string) =>
  rules(model).filter((rule): rule is RecordingRule => 'record' in rule && rule.record === name);
export const alerts = (model: Model, name: string) =>
  rules(model).filter((rule): rule is AlertingRule => 'alert' in rule && rule.alert === name);
/** The metric names an expression selects, sorted. */
export const metrics = (expr: string) => [...new Set(vectorSelectors(expr).map((selector) => selector.metric))].sort();
