// Rules do not grow with the number of teams: one alert rule per distinct setting, one ownership decision per kind.
// Only the teams table is per team: constant series that read nothing (see bench/ for what the rest costs).
import { describe, expect, it } from 'vitest';
import type { LoadedConfig } from '../../src/config/load-config.ts';
import { configSchema } from '../../src/config/schema.ts';
import { teamSchema } from '../../src/config/team-schema.ts';
import { resolveModel } from '../../src/model/resolve-model.ts';
import { ruleGroups } from '../../src/rule-groups/rule-groups.ts';
import { isAlertingRule } from '../../src/rules/rule-types.ts';

function modelWithTeams(
  count: number,
  distinctThresholds: number,
  options: { byLabel?: boolean; withLabels?: boolean } = {},
) {
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
      alerts: {
        containerMemoryNearLimit: { threshold: 0.8 + (i % distinctThresholds) / 100, for: i % 2 ? '10m' : '5m' },
      },
    }),
  );
  const source = { file: 'test', locate: () => undefined };
  const loaded: LoadedConfig = {
    config,
    configFile: 'test',
    baseDir: '.',
    teams: teams.map((team) => ({ team, source, path: [] })),
  };
  return resolveModel(loaded);
}

function counts(teams: number, options: { byLabel?: boolean; withLabels?: boolean } = {}) {
  const rules = ruleGroups(modelWithTeams(teams, 4, options)).flatMap((group) => group.rules);
  return {
    recorded: rules.filter((rule) => !isAlertingRule(rule)).length,
    teamTable: rules.filter((rule) => 'record' in rule && /^headroom:team(_setting)?:/.test(rule.record)).length,
    alerts: rules.filter(isAlertingRule).length,
    thresholds: rules.filter((rule) => 'record' in rule && rule.record === 'headroom:namespace_memory_threshold:ratio')
      .length,
    owners: rules.filter((rule) => 'record' in rule && rule.record === 'headroom:namespace_owner:info').length,
  };
}

describe('rule count', () => {
  it('alert, threshold and ownership rules depend on distinct settings, not on teams', () => {
    const few = counts(8);
    const many = counts(500);
    expect(many.alerts).toBe(few.alerts);
    expect(many.thresholds).toBe(1);
    expect(many.owners).toBe(1); // one decision for every namespace
    // The teams table: per owner (500 teams + the catch-all), its labels and its threshold and evidence margin.
    expect(many.teamTable).toBe(501 * 3);
    expect(many.recorded - many.teamTable).toBe(few.recorded - few.teamTable);
  });

  it('with ownership by namespace label, only the teams table grows with the number of teams', () => {
    const few = counts(8, { byLabel: true, withLabels: false });
    const many = counts(500, { byLabel: true, withLabels: false });
    expect({ ...many, teamTable: 0, recorded: many.recorded - many.teamTable }).toEqual({
      ...few,
      teamTable: 0,
      recorded: few.recorded - few.teamTable,
    });
    expect(many.owners).toBe(1);
    expect(many.teamTable).toBe(501 * 3); // vector(…) each: they read no series
  });
});
