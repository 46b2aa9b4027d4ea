// `headroom diff --base <ref>` on real git repositories: a committed config, then a change in the work tree.
import { mkdirSync, renameSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { type GitProject, gitProject } from './git-project.ts';

const project = gitProject;

/** Runs diff and proves it left the work tree exactly as it found it. */
async function diffUntouched(repo: GitProject, args: string[]) {
  const before = repo.snapshot();
  const result = await runCli(['diff', ...args], repo.dir);
  expect(repo.snapshot()).toBe(before);
  return result;
}

describe('headroom diff --base', () => {
  it('reports no change when the work tree generates what the ref does, exit 0 even with --exit-code', async () => {
    const repo = project();
    const result = await diffUntouched(repo, ['--base', 'main', '--exit-code']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('headroom diff main → work tree: no changes\n');
  });

  it('reads a team file committed as a symlink inside the config folder as the work tree does: no change', async () => {
    const repo = project();
    mkdirSync(join(repo.dir, 'shared'));
    renameSync(join(repo.dir, 'teams/payments.yaml'), join(repo.dir, 'shared/payments.yaml'));
    symlinkSync('../shared/payments.yaml', join(repo.dir, 'teams/payments.yaml'));
    repo.commit('payments from a shared file');
    const result = await diffUntouched(repo, ['--base', 'main', '--exit-code']);
    expect(result.stderr).toBe('');
    // Read without the link, the base had no team payments: its namespaces moved to the default team.
    expect(result.stdout).toBe('headroom diff main → work tree: no changes\n');
    expect(result.code).toBe(0);
  });

  it(
    'refuses a team file committed as a symlink out of the config folder, ' + 'naming it at the ref, never reading it',
    async () => {
      const repo = project();
      symlinkSync('/etc/passwd', join(repo.dir, 'teams/passwd.yaml'));
      repo.commit('a link out of the repository');
      repo.remove('teams/passwd.yaml');
      const result = await diffUntouched(repo, ['--base', 'main']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('main:teams/passwd.yaml');
      expect(result.stderr).not.toContain('root:');
    },
  );

  it('explains a team threshold and `for` change in one line, exit 1 with --exit-code and 0 without', async () => {
    const repo = project();
    repo.edit('teams/payments.yaml', '{ threshold: 0.9, for: 10m }', '{ threshold: 0.95, for: 15m }');
    const result = await diffUntouched(repo, ['--base', 'main', '--exit-code']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines).toContain('  team payments: ContainerMemoryNearLimit threshold 90% → 95%, for 10m → 15m');
    // Only payments changed: no other team is mentioned in the summary of settings.
    expect(lines.filter((line) => / {2}team (search|platform)|unclaimed/.test(line))).toEqual([]);
    expect(lines).toContain(
      '  ContainerMemoryNearLimit {for="15m", severity="warning"}: label for "10m" → "15m", expression changed, for ' +
        '10m → 15m',
    );
    expect(lines).toContain(
      '  recording rule headroom:team_setting:value {owner="payments", ' +
        'setting="containerMemoryNearLimit.threshold"}: expression changed',
    );
    // The raw diff follows the summary.
    expect(result.stdout).toMatch(/\nDiff\n--- a\//);
    expect(result.stdout).toMatch(
      /\n--- a\/headroom-settings\.yaml\n\+\+\+ b\/headroom-settings\.yaml\n@@ -\d+,\d+ \+\d+,\d+ @@\n/,
    );
    expect(result.stdout).toContain('\n-        threshold: 0.9\n');
    expect(result.stdout).toContain('\n+        threshold: 0.95\n');
    // 95% is not above the warning line; 15m is not above 30m.
    expect(result.stdout).not.toContain('Warnings');

    const withoutExitCode = await runCli(['diff', '--base', 'main'], repo.dir);
    expect(withoutExitCode.code).toBe(0);
    expect(withoutExitCode.stdout).toBe(result.stdout);
  });

  it('explains ownership: namespaces moved between teams, a namespace left unowned, a node pool added', async () => {
    const repo = project();
    repo.edit('teams/payments.yaml', 'namespaces: [payments, payments-eu]', 'namespaces: [payments]');
    repo.edit('teams/search.yaml', 'namespaces: [search, search-indexer]', 'namespaces: [search, payments-eu]');
    repo.edit('teams/search.yaml', 'nodes: [search-pool-*]', 'nodes: [search-pool-*, search-gpu-*]');
    const result = await diffUntouched(repo, ['--base', 'main', '--exit-code']);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines).toContain('  team payments: namespaces removed payments-eu');
    expect(lines).toContain('  team search: namespaces added payments-eu; removed search-indexer');
    expect(lines).toContain('  team search: nodes added search-gpu-*');
    expect(lines).toContain('  ! team payments no longer owns namespace payments-eu: team search does now');
    expect(lines).toContain(
      '  ! team search no longer owns namespace search-indexer, and no other team does: its alerts go to team ' +
        'platform with the default settings',
    );
    // Warnings come first, before the summary.
    expect(result.stdout.indexOf('Warnings')).toBeLessThan(result.stdout.indexOf('Teams and settings'));
    expect(lines).toContain('  recording rule headroom:namespace_owner:info {}: expression changed');
  });

  it('explains a label change, a team added in an uncommitted file and a team removed', async () => {
    const repo = project();
    repo.edit('teams/payments.yaml', '"#payments-oncall"', '"#payments-alerts"');
    repo.write(
      'teams/batch.yaml',
      'name: batch\nnamespaces: [batch-*]\nalerts:\n  containerMemoryNearLimit: { enabled: false }\n',
    );
    repo.remove('teams/search.yaml');
    const result = await diffUntouched(repo, ['--base', 'main']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toContain('  team payments: label slack_channel "#payments-oncall" → "#payments-alerts"');
    expect(lines).toContain('  team batch: added, owns namespaces batch-*');
    expect(lines).toContain('  team batch: ContainerMemoryNearLimit off (default on)');
    expect(lines).toContain('  team search: removed (owned namespaces search, search-indexer; nodes search-pool-*)');
    expect(lines).toContain(
      '  ! team search no longer owns nodes matching search-pool-*, and no other team does: its alerts go to team ' +
        'platform with the default settings',
    );
    expect(lines).toContain(
      '  recording rule headroom:team:info {headroom_container_memory_near_limit="for=10m,severity=warning", ' +
        'owner="payments", slack_channel="#payments-alerts", team="payments"}: label headroom_container_oom_killed ' +
        '"severity=critical,window=10m" → (none), label slack_channel "#payments-oncall" → "#payments-alerts"',
    );
  });

  it('warns at the top about a threshold above 95%, a `for` above 30m and an alert turned off', async () => {
    const repo = project();
    repo.edit('teams/payments.yaml', '{ threshold: 0.9, for: 10m }', '{ threshold: 0.97, for: 45m }');
    repo.edit('teams/search.yaml', '{ window: 30m }', '{ enabled: false }');
    const result = await diffUntouched(repo, ['--base', 'main']);
    const warnings = result.stdout.split('\n\n')[1]!.split('\n');
    expect(warnings).toEqual([
      'Warnings',
      '  ! team search: ContainerOOMKilled turned off',
      '  ! team payments: ContainerMemoryNearLimit threshold raised from 90% to 97%, above 95%: little headroom is ' +
        'left to act before the OOM kill',
      '  ! team payments: ContainerMemoryNearLimit for raised from 10m to 45m, above 30m: the alert fires that long ' +
        'after the condition starts',
    ]);
  });

  it('compares against an older commit and names the ref in the headline', async () => {
    const repo = project();
    repo.edit('headroom.config.ts', "threshold: 0.85, for: '5m'", "threshold: 0.8, for: '5m'");
    repo.commit('lower the default threshold');
    const result = await diffUntouched(repo, ['--base', 'HEAD~1']);
    expect(result.stdout).toMatch(/^headroom diff HEAD~1 → work tree: /);
    expect(result.stdout.split('\n')).toContain('  defaults: ContainerMemoryNearLimit threshold 85% → 80%');
    expect(result.stdout.split('\n')).toContain(
      '  unclaimed namespaces (team platform): ContainerMemoryNearLimit threshold 85% → 80%',
    );
    expect(result.stdout.split('\n')).toContain('  team search: ContainerMemoryNearLimit threshold 85% → 80%');
    expect((await runCli(['diff', '--base', 'HEAD', '--exit-code'], repo.dir)).code).toBe(0);
  });

  it('reads the config from a sub-folder of the repository (--config)', async () => {
    const repo = project();
    mkdirSync(join(repo.dir, 'monitoring'));
    repo.git('mv', 'headroom.config.ts', 'teams', 'monitoring/');
    repo.commit('move the config to monitoring/');
    repo.edit('monitoring/teams/search.yaml', '{ window: 30m }', '{ window: 20m }');
    const result = await diffUntouched(repo, [
      '--base',
      'main',
      '--config',
      'monitoring/headroom.config.ts',
      '--exit-code',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toContain('  team search: ContainerOOMKilled window 30m → 20m');
  });

  it('a ref from before the config (the change that introduces headroom): everything is new, said so', async () => {
    const repo = project();
    repo.write('other.config.ts', repo.read('headroom.config.ts'));
    const result = await diffUntouched(repo, ['--base', 'main', '--config', 'other.config.ts', '--exit-code']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('\nNote: main has no other.config.ts: everything is new.\n');
    expect(result.stdout).not.toContain('headroom-settings.yaml (generated by an older headroom?)');
    const lines = result.stdout.split('\n');
    expect(lines).toContain('  ContainerMemoryNearLimit {for="10m", severity="warning"}: added');
    expect(lines).toContain('  PrometheusRule monitoring/headroom-container-memory: added');
    expect(lines.some((line) => /^ {2}added headroom-settings\.yaml \(\+\d+ −0\)$/.test(line))).toBe(true);
  });
});
