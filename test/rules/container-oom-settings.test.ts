// The OOM family's team settings: errorExit137 and evidenceMargin reach exactly the owners that set them, and the
// expensive rules stay one per distinct window, whatever the number of teams.
import { describe, expect, it } from 'vitest';
import type { LoadedConfig } from '../../src/config/load-config.ts';
import { configSchema } from '../../src/config/schema.ts';
import { teamSchema } from '../../src/config/team-schema.ts';
import { resolveModel } from '../../src/model/resolve-model.ts';
import { ruleGroups } from '../../src/rule-groups/rule-groups.ts';
import type { Rule } from '../../src/rules/rule-types.ts';

function rulesOf(teams: { name: string; alerts: object }[]): Rule[] {
  const config = configSchema.parse({
    defaultTeam: 'platform',
    links: { grafanaUrl: 'https://grafana.test', runbookUrlPattern: 'https://runbooks.test/%s' },
  });
  const source = { file: 'test', locate: () => undefined };
  const parsed = teams.map(({ name, alerts }) => teamSchema.parse({ name, namespaces: [name], alerts }));
  const loaded: LoadedConfig = {
    config,
    configFile: 'test',
    baseDir: '.',
    teams: parsed.map((team) => ({ team, source, path: [] })),
  };
  return ruleGroups(resolveModel(loaded)).flatMap((group) => group.rules);
}

const recorded = (rules: Rule[], name: string) => rules.filter((rule) => 'record' in rule && rule.record === name);

describe('ContainerOOMKilled settings', () => {
  const rules = rulesOf([
    { name: 'legacy', alerts: { containerOOMKilled: { errorExit137: false } } },
    { name: 'strict', alerts: { containerOOMKilled: { evidenceMargin: 0.01 } } },
    {
      name: 'slow',
      alerts: {
        containerOOMKilled: { window: '30m', errorExit137: false },
        containerProcessOOMKilled: { enabled: false },
      },
    },
  ]);

  it('gives each owner that counts exit 137 its evidence margin as a constant series, and no other owner one', () => {
    const margins = recorded(rules, 'headroom:team_setting:value').filter(
      (rule) => rule.labels?.setting === 'containerOOMKilled.evidenceMargin',
    );
    expect(margins.map((rule) => [rule.labels?.owner, rule.expr])).toEqual([
      [undefined, 'vector(0.03)'],
      ['strict', 'vector(0.01)'],
    ]);
  });

  it('records the exit-137 branches only for windows where some owner counts exit 137', () => {
    const kills = recorded(rules, 'headroom:container_oom_restarts:increase');
    expect(kills.map((rule) => `${rule.labels?.window} ${rule.labels?.evidence}`)).toEqual([
      '10m reason',
      '10m oom-events',
      '30m reason',
    ]);
    expect(recorded(rules, 'headroom:container_exit137_restarts:increase').map((rule) => rule.labels?.window)).toEqual([
      '10m',
    ]);
    expect(recorded(rules, 'headroom:container_exit137_peak:ratio_limit').map((rule) => rule.labels?.window)).toEqual([
      '10m',
    ]);
  });

  it(
    'one alert rule per window and severity; ' + 'the one for 30m has no exit-137 branch, nobody there counts exit 137',
    () => {
      const alerts = rules.filter((rule) => 'alert' in rule && rule.alert === 'ContainerOOMKilled');
      expect(alerts.map((rule) => rule.labels?.window)).toEqual(['10m', '30m']);
      expect(alerts[0]!.expr).toContain('headroom:container_exit137_peak:ratio_limit{window="10m"}');
      expect(alerts[1]!.expr).not.toContain('exit137');
    },
  );

  it('records the restarts of every container once per window of either alert', () => {
    expect(recorded(rules, 'headroom:container_restarts:increase').map((rule) => rule.labels?.window)).toEqual([
      '10m',
      '30m',
    ]);
  });

  it('records OOM events once per window either alert needs', () => {
    // 10m: exit-137 evidence and silent kills; 30m: neither (slow counts no exit 137 and has silent kills off).
    expect(recorded(rules, 'headroom:container_oom_events:increase').map((rule) => rule.labels?.window)).toEqual([
      '10m',
    ]);
    expect(recorded(rules, 'headroom:container_process_oom_kills:increase').map((rule) => rule.labels?.window)).toEqual(
      ['10m'],
    );
  });
});
