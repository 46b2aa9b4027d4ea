// The change that introduces headroom: the base has no config, so everything is new, and the reviewer is shown who
// owns what, where alerts route and with which settings, as they will be.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describe as describeReport } from '../../src/diff/describe.ts';
import { diffTrees } from '../../src/diff/diff-trees.ts';
import { generate } from '../../src/generate.ts';
import { tempProject } from '../helpers/temp-project.ts';
import { gitProject } from './git-project.ts';

async function introduction(dir: string) {
  const { tree } = await generate(join(dir, 'headroom.config.ts'));
  const report = diffTrees(
    { name: 'main', tree: new Map(), absent: 'main has no headroom.config.ts: everything is new.' },
    { name: 'work tree', tree },
  );
  const description = describeReport(report, 'main → work tree');
  return {
    report,
    description,
    settings: description.sections.find((section) => section.title === 'Teams and settings')?.lines ?? [],
  };
}

describe('diff --base of the change that introduces headroom', () => {
  it('the test project: teams with their claims and overrides, the defaults, who gets the rest', async () => {
    const { settings, description } = await introduction(gitProject().dir);
    expect(settings).toEqual([
      'config: defaultTeam platform',
      'config: cluster.label none (one cluster)',
      'config: ownership team files',
      'defaults: ContainerMemoryNearLimit on, threshold 85%, for 5m, severity warning',
      'defaults: ContainerOOMKilled on, window 10m, severity critical, errorExit137 true, evidenceMargin 0.03',
      'defaults: ContainerProcessOOMKilled on, window 10m, severity warning',
      'defaults: ContainerMemoryLeak on, lookback 1h, horizon 4h, for 30m, severity warning',
      'defaults: PodMemoryNearLimit on, threshold 85%, for 5m, severity warning',
      'defaults: NodeMemoryPressure on, for 2m, severity critical',
      'defaults: NodeMemoryEvictions on, window 10m, severity warning',
      'defaults: PodsEvicted on, window 10m, severity warning',
      'defaults: ContainersWithoutMemoryLimit on, for 1h, severity info',
      'defaults: ContainersAboveMemoryRequest on, for 1h, severity info',
      'team payments: added, owns namespaces payments, payments-eu',
      'team payments: labels slack_channel="#payments-oncall"',
      'team payments: ContainerMemoryNearLimit threshold 90% (default 85%), for 10m (default 5m)',
      'team search: added, owns namespaces search, search-indexer; nodes search-pool-*',
      'team search: labels slack_channel="#search"',
      'team search: ContainerOOMKilled window 30m (default 10m)',
      'namespaces and nodes no team file claims: team platform with the default settings',
    ]);
    expect(description.headline).toMatch(/^headroom diff main → work tree: 2 teams, /);
  });

  it("with routing and cluster scopes: where each team's alerts go, and in which clusters it owns", async () => {
    const { settings } = await introduction(tempProject('routing').dir);
    expect(settings).toEqual(
      expect.arrayContaining([
        'config: cluster.label cluster',
        'team payments: receiver payments-oncall, ticketReceiver payments tickets',
        'team search: added, owns namespaces search in clusters prod-*',
        'team search: receiver search-oncall, ticketReceiver search-oncall',
        'team batch: receiver platform-oncall, ticketReceiver platform-oncall',
        'unclaimed namespaces (team platform): receiver platform-oncall, ticketReceiver platform-oncall',
      ]),
    );
  });

  it(
    'under namespace-label ownership: ' + 'namespaces no file claims go to the label team or the default team',
    async () => {
      const repo = gitProject();
      repo.edit(
        'headroom.config.ts',
        "defaultTeam: 'platform',",
        "defaultTeam: 'platform',\n  ownership: { namespaceLabel: 'team' },",
      );
      const { settings } = await introduction(repo.dir);
      expect(settings).toEqual(
        expect.arrayContaining([
          'namespaces no team file claims: the team its label_team label names, or team platform with the default ' +
            'settings where the label names no team in scope',
          'nodes no team file claims: team platform with the default settings',
        ]),
      );
    },
  );

  it('a team starting with a threshold above 95% is warned about, as a team added is', async () => {
    const repo = gitProject();
    repo.edit('teams/payments.yaml', 'threshold: 0.9', 'threshold: 0.97');
    const { description } = await introduction(repo.dir);
    expect(description.warnings).toEqual([
      'team payments: ContainerMemoryNearLimit threshold is 97%, above 95%: little headroom is left to act before ' +
        'the OOM kill',
    ]);
  });
});
