// `diff --base` reads the ref's team files straight from git instead of writing them into its temporary copy of the
// ref (5,000 of them took seconds to write): the same tree as generate gives for a checkout, no team file written;
// where a link could lead to them, or the ref's config names another teams folder, they are written as before.
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { treeAtRef } from '../../src/diff/tree-at-ref.ts';
import { generate } from '../../src/generate.ts';
import { gitProject } from './git-project.ts';

vi.mock('node:fs', async (original) => {
  const actual = await original<typeof import('node:fs')>();
  return { ...actual, default: actual, writeFileSync: vi.fn(actual.writeFileSync) };
});

/** Files written into the temporary copy of the ref, by repository path. */
function writtenToScratch(): string[] {
  return vi
    .mocked(fs.writeFileSync)
    .mock.calls.map(([path]) => String(path))
    .flatMap((path) => {
      const found = /\/headroom-base-[^/]+\/(.*)$/.exec(path);
      return found ? [found[1]!] : [];
    })
    .sort();
}

describe('diff --base: the ref’s team files', () => {
  afterEach(() => vi.mocked(fs.writeFileSync).mockClear());

  it('are read from git, not written to disk, and give the tree generate gives', async () => {
    const repo = gitProject();
    const config = join(repo.dir, 'headroom.config.ts');
    const current = await generate(config);
    vi.mocked(fs.writeFileSync).mockClear();
    const atMain = await treeAtRef(config, 'main', join(repo.dir, 'teams'));
    expect(atMain.tree).toEqual(current.tree);
    expect(writtenToScratch()).toEqual(['headroom.config.ts']);
  });

  it('are written when a link in the ref could lead to them', async () => {
    const repo = gitProject();
    fs.symlinkSync('search.yaml', join(repo.dir, 'teams', 'search-link.yml'));
    repo.commit('a link among the team files');
    const config = join(repo.dir, 'headroom.config.ts');
    // The link makes search a team of two files: refused at the ref as generate refuses it in the work tree.
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => 'none',
        (error: Error) => error.message,
      );
    const fromWorkTree = await refusal(generate(config));
    vi.mocked(fs.writeFileSync).mockClear();
    expect(fromWorkTree).toContain('is already defined in');
    // The same refusal, naming the files as at the ref.
    expect(await refusal(treeAtRef(config, 'main'))).toEqual(fromWorkTree.replaceAll(`${repo.dir}/`, 'main:'));
    expect(writtenToScratch()).toEqual(['headroom.config.ts', 'teams/payments.yaml', 'teams/search.yaml']);
  });

  it('are written when the ref’s config names another teams folder than the work tree’s', async () => {
    const repo = gitProject();
    repo.git('mv', 'teams', 'squads');
    repo.edit('headroom.config.ts', /defineConfig\(\{/, "defineConfig({\n  teamsDir: 'squads',");
    repo.commit('teams in squads/');
    const config = join(repo.dir, 'headroom.config.ts');
    const atMain = await generate(config);
    // The work tree goes back to teams/; the ref still has squads/.
    repo.git('mv', 'squads', 'teams');
    repo.edit('headroom.config.ts', "\n  teamsDir: 'squads',", '');
    vi.mocked(fs.writeFileSync).mockClear();
    expect((await treeAtRef(config, 'main', join(repo.dir, 'teams'))).tree).toEqual(atMain.tree);
    expect(writtenToScratch()).toEqual(['headroom.config.ts', 'squads/payments.yaml', 'squads/search.yaml']);
  });
});
