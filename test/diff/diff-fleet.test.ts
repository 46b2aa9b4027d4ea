// `headroom diff --base` for fleet settings: a cluster label and a cluster scope added, the ownership mode switched.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { gitProject } from './git-project.ts';

async function diffLines(edit: (repo: ReturnType<typeof gitProject>) => void): Promise<string[]> {
  const repo = gitProject();
  edit(repo);
  const result = await runCli(['diff', '--base', 'main'], repo.dir);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout.split('\n');
}

describe('headroom diff --base, fleet settings', () => {
  it('names a cluster label and a claim narrowed to clusters, and warns about both', async () => {
    const lines = await diffLines((repo) => {
      repo.edit(
        'headroom.config.ts',
        "defaultTeam: 'platform',",
        "defaultTeam: 'platform',\n  cluster: { label: 'cluster' },",
      );
      repo.edit(
        'teams/payments.yaml',
        'namespaces: [payments, payments-eu]',
        'namespaces: [payments, payments-eu]\nclusters: [prod-eu-*]',
      );
    });
    const warnings = lines.slice(0, lines.indexOf('Teams and settings'));
    expect(warnings).toContain(
      "  ! cluster label none (one cluster) → cluster: every alert's labels change, so alerts firing now resolve and " +
        'fire again; check routes and silences that match on labels',
    );
    expect(warnings).toContain(
      // Team files only: no namespace label decides, so the default team gets them.
      '  ! team payments now owns its namespaces only in clusters prod-eu-*: elsewhere they go to team platform with ' +
        'the default settings',
    );
    expect(lines).toContain('  config: cluster.label none (one cluster) → cluster');
    expect(lines).toContain('  team payments: claims hold in every cluster → prod-eu-*');
    // Every alert rule's expression changed (the cluster joins every key).
    expect(lines.some((line) => /^ {2}ContainerMemoryNearLimit \{.*\}: .*expression changed/.test(line))).toBe(true);
  });

  it('names a switch of ownership mode and warns that owners move', async () => {
    const lines = await diffLines((repo) =>
      repo.edit(
        'headroom.config.ts',
        "defaultTeam: 'platform',",
        "defaultTeam: 'platform',\n  ownership: { namespaceLabel: 'team' },",
      ),
    );
    expect(lines).toContain(
      '  config: ownership team files → team files, then the namespace label (kube_namespace_labels label_team); ' +
        'labels naming no team go to the default team',
    );
    expect(
      lines.some((line) =>
        line.startsWith('  ! namespace ownership: team files → team files, then the namespace label'),
      ),
    ).toBe(true);
    expect(lines).toContain('  recording rule headroom:namespace_owner:info {}: expression changed');
  });
});
