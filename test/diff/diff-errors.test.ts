// Exit 2 with a clear message for what diff cannot compare, and the work tree untouched even then.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { treeAtRef } from '../../src/diff/tree-at-ref.ts';
import { runCli } from '../helpers/run-cli.ts';
import { type GitProject, gitProject } from './git-project.ts';
import { joined } from '../helpers/regexp.ts';

async function failsUntouched(repo: GitProject, args: string[]) {
  const before = repo.snapshot();
  const result = await runCli(['diff', ...args], repo.dir);
  expect(repo.snapshot()).toBe(before);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  return result.stderr;
}

describe('headroom diff: errors exit 2', () => {
  it('an unknown ref', async () => {
    expect(await failsUntouched(gitProject(), ['--base', 'no-such-branch'])).toBe(
      'headroom diff: unknown git ref "no-such-branch" (a branch, tag or commit, e.g. origin/main)\n',
    );
  });

  it('a shallow clone (a CI checkout of one commit): HEAD~1 unknown, with how to fetch more history', async () => {
    const repo = gitProject();
    repo.edit('teams/search.yaml', 'window: 30m', 'window: 20m');
    repo.commit('a second commit');
    const clone = mkdtempSync(join(tmpdir(), 'headroom-shallow-'));
    expect(spawnSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone]).status).toBe(0);
    const config = join(clone, 'headroom.config.ts');
    await expect(treeAtRef(config, 'HEAD~1')).rejects.toThrow(
      'unknown git ref "HEAD~1" (a branch, tag or commit, e.g. origin/main): this clone is shallow (CI checks out ' +
        'one commit by default), ' +
        'so older commits and other branches are missing. Fetch more history (`git fetch --deepen=50`, or `git fetch ' +
        '--unshallow`), ' +
        'or check out with `fetch-depth: 0` (GitHub Actions, actions/checkout) or `GIT_DEPTH: 0` (GitLab CI)',
    );
    await expect(treeAtRef(config, 'origin/release')).rejects.toThrow(
      'or `git fetch --unshallow` and `git fetch origin release`)',
    );
    // Control: the commit the clone has is found.
    await expect(treeAtRef(config, 'HEAD')).resolves.toMatchObject({ tree: expect.any(Map) });
  });

  it('a config file missing from the work tree', async () => {
    expect(await failsUntouched(gitProject(), ['--base', 'main', '--config', 'other.config.ts'])).toBe(
      'headroom diff: invalid input:\nother.config.ts: config file not found (pass --config PATH)\n',
    );
  });

  it('a bad team file at the ref, named as ref:path with line and key', async () => {
    const repo = gitProject();
    repo.edit('teams/payments.yaml', 'threshold: 0.9', 'threshold: 1.5');
    repo.commit('a broken threshold');
    repo.edit('teams/payments.yaml', 'threshold: 1.5', 'threshold: 0.9');
    const stderr = await failsUntouched(repo, ['--base', 'main']);
    expect(stderr).toMatch(
      joined(
        /^headroom diff: invalid input:\n/,
        /main:teams\/payments\.yaml:5:\d+: alerts\.containerMemoryNearLimit\.threshold: must be at most 1/,
      ),
    );
  });

  it('a bad team file in the work tree', async () => {
    const repo = gitProject();
    repo.edit('teams/search.yaml', 'window: 30m', 'window: soon');
    expect(await failsUntouched(repo, ['--base', 'main'])).toMatch(
      joined(
        /^headroom diff: invalid input:\n/,
        /teams\/search\.yaml:6:\d+: alerts\.containerOOMKilled\.window: must be a Prometheus duration/,
      ),
    );
  });

  it('a folder that is not in a git repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-nogit-'));
    cpSync(fileURLToPath(new URL('./project', import.meta.url)), dir, { recursive: true });
    const result = await runCli(['diff', '--base', 'main'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^headroom diff: --base needs a git repository, and .* is not in one\n$/);
  });

  it('folders that do not exist or are files, nothing to compare, or both ways at once', async () => {
    const repo = gitProject();
    expect(await failsUntouched(repo, ['missing-old', 'missing-new'])).toBe(
      'headroom diff: missing-old: no such folder\n',
    );
    expect(await failsUntouched(repo, ['headroom.config.ts', 'teams'])).toBe(
      'headroom diff: headroom.config.ts: not a folder (pass two generated folders, or --base <git-ref>)\n',
    );
    expect(await failsUntouched(repo, [])).toBe(
      'headroom diff: nothing to compare: pass --base <git-ref> (e.g. origin/main), or two generated folders\n',
    );
    expect(await failsUntouched(repo, ['--base', 'main', 'teams', 'teams'])).toBe(
      'headroom diff: give either --base <git-ref> or two folders, not both\n',
    );
    expect(await failsUntouched(repo, ['--base', 'main', '--format', 'html'])).toMatch(/argument 'html' is invalid/);
  });

  it('control: the snapshot used above does see a command that writes to the work tree', async () => {
    const repo = gitProject();
    const clean = repo.snapshot();
    expect((await runCli(['generate'], repo.dir)).code).toBe(0);
    expect(repo.snapshot()).not.toBe(clean);
  });
});
