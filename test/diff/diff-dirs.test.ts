// `headroom diff <old-dir> <new-dir>`: two generated folders, in every format.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { gitProject } from './git-project.ts';
import { writeGenerated } from './write-generated.ts';

/** Generates the project into old/, applies a change, generates into new/ (in-process, as `generate --out`). */
async function twoTrees(change: (repo: ReturnType<typeof gitProject>) => void) {
  const repo = gitProject();
  await writeGenerated(repo.dir, 'old');
  change(repo);
  await writeGenerated(repo.dir, 'new');
  return repo;
}

describe('headroom diff <old-dir> <new-dir>', () => {
  it('finds no change between two generations of one config', async () => {
    const repo = await twoTrees(() => {});
    const result = await runCli(['diff', 'old', 'new', '--exit-code'], repo.dir);
    expect(result).toEqual({ code: 0, stdout: 'headroom diff old → new: no changes\n', stderr: '' });
  });

  it('explains a change the same way as --base does, with --exit-code 1', async () => {
    const repo = await twoTrees((r) =>
      r.edit('teams/search.yaml', '{ window: 30m }', '{ window: 30m, severity: warning }'),
    );
    const result = await runCli(['diff', 'old', 'new', '--exit-code'], repo.dir);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toContain('  team search: ContainerOOMKilled severity critical → warning');
    expect(result.stdout.split('\n')).toContain(
      '  ContainerOOMKilled {severity="warning", window="30m"}: label severity "critical" → "warning", expression ' +
        'changed',
    );
  });

  it('refuses a file that does not parse instead of reading it as unchanged (exit 2)', async () => {
    const repo = await twoTrees(() => {});
    // A merge conflict below the generated-file notice.
    const file = 'new/prometheus-rules/headroom-meta.yaml';
    repo.write(file, `${repo.read(file).split('\n').slice(0, 2).join('\n')}\n<<<<<<< HEAD\ngroups: [\n`);
    const result = await runCli(['diff', 'old', 'new'], repo.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('prometheus-rules/headroom-meta.yaml: not valid YAML');
  });

  it('json: the same findings as data, for tools', async () => {
    const repo = await twoTrees((r) => r.edit('teams/payments.yaml', 'threshold: 0.9', 'threshold: 0.96'));
    const result = await runCli(['diff', 'old', 'new', '--format', 'json'], repo.dir);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.old).toBe('old');
    expect(report.changed).toBe(true);
    expect(report.settings.owners).toEqual([
      {
        team: 'payments',
        status: 'changed',
        namespaces: { added: [], removed: [] },
        nodes: { added: [], removed: [] },
        labels: [],
        alerts: [{ alert: 'ContainerMemoryNearLimit', settings: [{ name: 'threshold', old: 0.9, new: 0.96 }] }],
        route: [],
      },
    ]);
    expect(report.warnings).toEqual([
      {
        kind: 'threshold-high',
        message:
          'team payments: ContainerMemoryNearLimit threshold raised from 90% to 96%, above 95%: little headroom is ' +
          'left to act before the OOM kill',
      },
    ]);
    expect(report.files.map((file: { path: string }) => file.path)).toContain('headroom-settings.yaml');
    expect(report.summary.sections[0].lines).toEqual(['team payments: ContainerMemoryNearLimit threshold 90% → 96%']);
  });

  it(
    'an old tree whose headroom-settings.yaml has another shape: ' + 'says so, still compares rules and files',
    async () => {
      const repo = await twoTrees((r) => r.edit('teams/payments.yaml', 'for: 10m', 'for: 20m'));
      const manifest = join(repo.dir, 'old', 'headroom-settings.yaml');
      writeFileSync(manifest, `${readFileSync(manifest, 'utf8').split('\n').slice(0, 2).join('\n')}\nversion: 0\n`);
      const result = await runCli(['diff', 'old', 'new'], repo.dir);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(
        'Note: old has a headroom-settings.yaml of another shape (defaultTeam, teams, unclaimed expected)\n\nNote: ' +
          'Team, ownership and alert settings are not compared; rules, dashboards and files are.\n',
      );
      expect(result.stdout).not.toContain('Teams and settings');
      expect(result.stdout.split('\n')).toContain(
        '  ContainerMemoryNearLimit {for="20m", severity="warning"}: label for "10m" → "20m", expression changed, ' +
          'for 10m → 20m',
      );
    },
  );

  it('generated /etc: refused (exit 2), nothing printed, no file of /etc read', async () => {
    const repo = await twoTrees(() => {});
    const result = await runCli(['diff', 'old', '/etc'], repo.dir);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "headroom diff: /etc: a folder headroom did not generate (no headroom-settings.yaml with headroom's header); " +
        'diff compares the folders `headroom generate` writes\n',
    });
  });

  it(
    'a folder with a copied headroom-settings.yaml but other files: only files headroom wrote are read, the others ' +
      'named',
    async () => {
      const repo = await twoTrees(() => {});
      // A folder made to look generated: the manifest copied in beside files headroom never wrote.
      mkdirSync(join(repo.dir, 'fake', 'secrets'), { recursive: true });
      cpSync(join(repo.dir, 'new', 'headroom-settings.yaml'), join(repo.dir, 'fake', 'headroom-settings.yaml'));
      writeFileSync(join(repo.dir, 'fake', 'secrets', 'shadow.yaml'), 'root: $6$very-secret-hash\n');
      writeFileSync(join(repo.dir, 'fake', 'README.md'), 'our notes\n');
      const result = await runCli(['diff', 'old', 'fake'], repo.dir);
      expect(result.stderr).toBe('');
      expect(result.stdout).not.toContain('very-secret-hash');
      expect(result.stdout).not.toContain('our notes');
      expect(result.stdout).toContain(
        '\nNote: fake: 2 files headroom did not write, left out of the comparison: README.md, secrets/shadow.yaml\n',
      );
      // What fake lacks of headroom's output reads as removed.
      expect(result.stdout.split('\n')).toContain('  PrometheusRule monitoring/headroom-container-memory: removed');
    },
  );
});
