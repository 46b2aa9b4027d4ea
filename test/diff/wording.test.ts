// The summary's words say what changed for whom, in the config's own terms: a team whose receiver changed counts as
// a changed team, routes are told with their team, an alert a team has turned off is no threshold change of it.
import { describe, expect, it } from 'vitest';
import { tempProject } from '../helpers/temp-project.ts';
import { gitProject } from './git-project.ts';
import { diffOfChange } from './in-process-diff.ts';

describe('diff wording', () => {
  it(
    "the default receiver changed, so two teams' receivers did: the headline counts 2 teams, each team names its " +
      'receiver',
    async () => {
      const project = tempProject('routing');
      const { lines } = await diffOfChange(project.dir, () =>
        project.edit('headroom.config.ts', /'platform-oncall'/g, "'platform-pager'"),
      );
      expect(lines[0]).toMatch(/^headroom diff old → new: 2 teams, 0 rules, 0 dashboards changed; /);
      // batch names no receiver; the default team's route takes everything no team claims.
      expect(lines).toContain(
        'team batch: receiver platform-oncall → platform-pager, ticketReceiver platform-oncall → platform-pager',
      );
      expect(lines).toContain(
        'unclaimed namespaces (team platform): receiver platform-oncall → platform-pager, ticketReceiver ' +
          'platform-oncall → platform-pager',
      );
      expect(
        lines.filter(
          (line) => line.startsWith('config: routing.teams.') || line.startsWith('config: routing.fallbackReceiver'),
        ),
      ).toEqual([]);
    },
  );

  it("a team's clusters changed under routing: said once, with the team, no config key that no file has", async () => {
    const project = tempProject('routing');
    const { lines } = await diffOfChange(project.dir, () =>
      project.edit('teams/search.yaml', 'clusters: [prod-*]', 'clusters: [prod-eu-*]'),
    );
    expect(lines).toContain('team search: claims hold in prod-* → prod-eu-*');
    expect(lines.filter((line) => line.startsWith('config:'))).toEqual([]);
  });

  it('a default threshold changed while a team has that alert turned off: not listed for that team', async () => {
    const repo = gitProject();
    repo.write(
      'teams/batch.yaml',
      'name: batch\nnamespaces: [batch-*]\nalerts:\n  containerMemoryNearLimit: { enabled: false }\n',
    );
    const { lines } = await diffOfChange(repo.dir, () =>
      repo.edit('headroom.config.ts', 'threshold: 0.85', 'threshold: 0.8'),
    );
    expect(lines).toContain('defaults: ContainerMemoryNearLimit threshold 85% → 80%');
    expect(lines).toContain('team search: ContainerMemoryNearLimit threshold 85% → 80%');
    expect(lines.filter((line) => line.startsWith('team batch'))).toEqual([]);
    // payments overrides the threshold: unchanged for it too.
    expect(lines.filter((line) => line.startsWith('team payments'))).toEqual([]);
  });

  it('a team turning an alert off while the default changes: only "turned off"', async () => {
    const repo = gitProject();
    const { lines } = await diffOfChange(repo.dir, () => {
      repo.edit('headroom.config.ts', 'threshold: 0.85', 'threshold: 0.8');
      repo.edit(
        'teams/search.yaml',
        '{ window: 30m }',
        '{ window: 30m }\n  containerMemoryNearLimit: { enabled: false }',
      );
    });
    expect(lines).toContain('team search: ContainerMemoryNearLimit turned off');
  });
});
