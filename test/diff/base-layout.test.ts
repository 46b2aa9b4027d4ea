// `diff --base` reads the ref as `generate` would read a checkout of it, whatever `teams` is there: a link to a shared
// checkout outside the repository (the documented layout), a link to a folder elsewhere in the repository, a file.
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/config/input-error.ts';
import { treeAtRef } from '../../src/diff/tree-at-ref.ts';
import { generate } from '../../src/generate.ts';
import { gitProject } from './git-project.ts';

describe('diff --base: the teams folder at the ref', () => {
  it(
    'teams a symlink to a shared checkout outside the repository: read as now at both sides, no team added, said ' +
      'so',
    async () => {
      const repo = gitProject();
      const shared = mkdtempSync(join(tmpdir(), 'headroom-shared-teams-'));
      renameSync(join(repo.dir, 'teams'), join(shared, 'teams'));
      symlinkSync(join(shared, 'teams'), join(repo.dir, 'teams'));
      repo.commit('teams from the shared checkout');
      const config = join(repo.dir, 'headroom.config.ts');
      const base = await treeAtRef(config, 'main');
      expect(base.tree).toEqual((await generate(config)).tree);
      expect(base.notes).toEqual([
        `main:teams is a link out of the repository (to ${join(shared, 'teams')}): its content has no history here, ` +
          `so it is read as it is now at both sides.`,
      ]);
    },
  );

  it('teams a relative symlink to a folder elsewhere in the repository: read as at the ref', async () => {
    const repo = gitProject();
    mkdirSync(join(repo.dir, 'monitoring'));
    repo.git('mv', 'headroom.config.ts', 'monitoring/');
    mkdirSync(join(repo.dir, 'shared'));
    repo.git('mv', 'teams', 'shared/');
    symlinkSync('../shared/teams', join(repo.dir, 'monitoring', 'teams'));
    repo.commit('the config in monitoring/, its teams a link to shared/teams');
    const config = join(repo.dir, 'monitoring', 'headroom.config.ts');
    const atMain = await treeAtRef(config, 'main');
    expect(atMain.tree).toEqual((await generate(config)).tree);
    expect(atMain.notes).toEqual([]);
    // A change in the work tree's shared/teams is not the ref's: the ref's files are read from git.
    repo.edit('shared/teams/search.yaml', 'window: 30m', 'window: 20m');
    expect((await treeAtRef(config, 'main')).tree).toEqual(atMain.tree);
    expect((await generate(config)).tree).not.toEqual(atMain.tree);
  });

  it('teams a file at the ref: refused as generate refuses it (exit 2), named as at the ref', async () => {
    const repo = gitProject();
    rmSync(join(repo.dir, 'teams'), { recursive: true });
    writeFileSync(join(repo.dir, 'teams'), 'not a folder\n');
    repo.commit('teams is a file');
    const config = join(repo.dir, 'headroom.config.ts');
    const refusal = await treeAtRef(config, 'main').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(InputError);
    expect((refusal as InputError).problems).toEqual([
      expect.objectContaining({ file: 'main:headroom.config.ts', message: 'main:teams is not a folder' }),
    ]);
    // generate on the work tree, which is that commit, refuses it the same way.
    await expect(generate(config)).rejects.toThrow(/teams is not a folder/);
  });
});
