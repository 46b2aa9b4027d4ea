// Alert rules do not grow with the number of teams: one rule per distinct setting. Only the ownership rules are
// per team, and each reads only its own namespaces (see bench/ for what that costs Prometheus).
import { describe, expect, it } from 'vitest';
import type { LoadedConfig } from '../../src/config/load-config.ts';
import { configSchema, teamSchema } from '../../src/config/schema.ts';
import { resolveModel } from '../../src/model/resolve-model.ts';
import { ruleGroups } from '../../src/rules/rule-groups.ts';
import { isAlertingRule } from '../../src/rules/rule-types.ts';

function modelWithTeams(count: number, distinctThresholds: number, options: { byLabel?: boolean; withLabels?: boolean } = {}) {
  const { byLabel = false, withLabels = true } = options;
  const config = configSchema.parse({
    ...(byLabel ? { ownership: { namespaceLabel: 'team' } } : {}),
    defaultTeam: 'platform',
    links: { grafanaUrl: 'https://grafana.test', runbookUrlPattern: 'https://runbooks.test/%s' },
  });
  const teams = Array.from({ length: count }, (_, i) =>
    teamSchema.parse({
      name: `team-${i}`,
      namespaces: byLabel ? [] : [`team-${i}`, `team-${i}-*`],
      labels: withLabels ? { slack_channel: `#team-${i}` } : {},
      alerts: { containerMemoryNearLimit: { threshold: 0.8 + (i % distinctThresholds) / 100, for: i % 2 ? '10m' : '5m' } },
    }),
  );
  const source = { file: 'test', locate: () => undefined };
  const loaded: LoadedConfig = { config, configFile: 'test', baseDir: '.', teams: teams.map((team) => ({ team, source, path: [] })) };
  return resolveModel(loaded);
}

function counts(teams: number, options: { byLabel?: boolean; withLabels?: boolean } = {}) {
  const rules = ruleGroups(modelWithTeams(teams, 4, options)).flatMap((group) => group.rules);
  return {
    recorded: rules.filter((rule) => !isAlertingRule(rule)).length,
    teamLabels: rules.filter((rule) => 'record' in rule && rule.record === 'headroom:team_labels:info').length,
    alerts: rules.filter(isAlertingRule).length,
    thresholds: rules.filter((rule) => 'record' in rule && rule.record === 'headroom:namespace_memory_threshold:ratio').length,
    owners: rules.filter((rule) => 'record' in rule && rule.record === 'headroom:namespace_owner:info').length,
  };
}

describe('rule count', () => {
  it('alert and threshold rules depend on distinct settings, not on teams', () => {
    const few = counts(8);
    const many = counts(500);
    expect(many.alerts).toBe(few.alerts);
    expect(many.thresholds).toBe(few.thresholds);
    expect(many.thresholds).toBe(5); // 4 distinct team thresholds + the default
    expect(many.owners).toBe(501); // one per team + the catch-all
  });

  it('with ownership by namespace label, no rule grows with the number of teams but one constant rule per team with labels', () => {
    const few = counts(8, { byLabel: true, withLabels: false });
    const many = counts(500, { byLabel: true, withLabels: false });
    expect(many).toEqual(few);
    expect(many.owners).toBe(2); // the label rule + the catch-all
    const labelled = counts(500, { byLabel: true });
    expect(labelled.teamLabels).toBe(500); // vector(1) each: they read no series
    expect(labelled.recorded - labelled.teamLabels).toBe(many.recorded);
  });
});
