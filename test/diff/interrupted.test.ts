// `headroom diff … | head -1`: the reader goes away once it has its line. The command must end quietly (no stack
// trace, nothing left behind) with 141, the code a shell reports for git or cat killed by SIGPIPE. And Ctrl-C
// while `diff --base` generates the ref leaves no temporary folder behind either. Real processes: a real pipe and
// real signals are what these are about.
// @module-tag spawns (bin/headroom.js into a real pipe, and signalled)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-cli.ts';
import { gitProject } from './git-project.ts';
import { writeGenerated } from './write-generated.ts';

/** A project whose diff is far longer than a pipe's 64 KiB buffer: 60 teams, then a cluster label on every rule. */
function largeDiff() {
  const repo = gitProject();
  for (let i = 0; i < 60; i++)
    repo.write(
      `teams/team-${i}.yaml`,
      `name: team-${i}\nnamespaces: [ns-${i}-*]\nalerts:\n  containerMemoryNearLimit: { threshold: 0.${50 + i} }\n`,
    );
  return repo;
}

/** stdout's lines: what head printed, the command's exit code, then its stderr. Its temporary files go to `temp`. */
function pipedToHead(dir: string, args: string[], temp = mkdtempSync(join(tmpdir(), 'headroom-pipe-'))) {
  const command =
    `"${process.execPath}" "${CLI}" ${args.join(' ')} 2>"${temp}/../stderr-${basename(temp)}" | head ` +
    `-1; echo "exit \${PIPESTATUS[0]}"; cat "${temp}/../stderr-${basename(temp)}"`;
  const { FORCE_COLOR: _force, ...env } = process.env;
  const result = spawnSync('bash', ['-c', command], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...env, NO_COLOR: '1', TMPDIR: temp },
  });
  return result.stdout.split('\n');
}

describe('headroom diff into a pipe that closes early', () => {
  it(
    'diff old new --format json | head -1 (a report of over 256 KiB): ' + 'the first line, exit 141, nothing on stderr',
    async () => {
      const repo = largeDiff();
      await writeGenerated(repo.dir, 'old');
      repo.edit(
        'headroom.config.ts',
        "defaultTeam: 'platform',",
        "defaultTeam: 'platform',\n  cluster: { label: 'cluster' },",
      );
      await writeGenerated(repo.dir, 'new');
      const full = await runCli(['diff', 'old', 'new', '--format', 'json'], repo.dir);
      expect(full.stdout.length).toBeGreaterThan(256 * 1024);
      // (markdown is cut to 65,536 bytes, which a pipe's buffer takes whole.)
      const firstLines = { json: '{', text: expect.stringMatching(/^headroom diff old → new: /) };
      // One temporary folder for both runs: the second finds the compiled src/ jiti cached there by the first.
      const temp = mkdtempSync(join(tmpdir(), 'headroom-pipe-'));
      for (const [format, first] of Object.entries(firstLines)) {
        expect(pipedToHead(repo.dir, ['diff', 'old', 'new', '--format', format], temp)).toEqual([
          first,
          'exit 141',
          '',
        ]);
      }
    },
  );

  it('diff --base main | head -1: the same, and no scratch folder left behind', () => {
    const repo = largeDiff();
    repo.commit('60 teams');
    repo.edit(
      'headroom.config.ts',
      "defaultTeam: 'platform',",
      "defaultTeam: 'platform',\n  cluster: { label: 'cluster' },",
    );
    const temp = mkdtempSync(join(tmpdir(), 'headroom-pipe-'));
    expect(pipedToHead(repo.dir, ['diff', '--base', 'main'], temp)).toEqual([
      expect.stringMatching(/^headroom diff main → work tree: /),
      'exit 141',
      '',
    ]);
    // The base was generated in a scratch folder under TMPDIR: gone (jiti keeps its cache there).
    expect(readdirSync(temp).filter((name) => name !== 'jiti')).toEqual([]);
  });
});

describe('headroom diff --base interrupted', () => {
  it('SIGINT while the ref is generated: the scratch folder is removed, the command ends by the signal', async () => {
    const repo = largeDiff();
    repo.commit('60 teams');
    const temp = mkdtempSync(join(tmpdir(), 'headroom-signal-'));
    const child = spawn(process.execPath, [CLI, 'diff', '--base', 'main'], {
      cwd: repo.dir,
      env: { ...process.env, TMPDIR: temp },
      stdio: 'ignore',
    });
    const scratch = () => readdirSync(temp).filter((name) => name.startsWith('headroom-base-'));
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    let seen = false;
    for (let waited = 0; waited < 20_000 && !seen; waited += 2) {
      seen = scratch().length > 0;
      if (!seen) await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(seen).toBe(true);
    child.kill('SIGINT');
    expect(await ended).toBe('SIGINT');
    expect(scratch()).toEqual([]);
  });
});
