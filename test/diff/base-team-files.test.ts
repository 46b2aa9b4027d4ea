// `diff --base` reads the ref's team files straight from git instead of writing them into its temporary copy of the
// ref (5,000 of them took seconds to write): the same tree as generate gives for a checkout, no team file written;
// where a link could lead to them, or the ref's config names another teams folder, they are written as before.
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { treeAtRef } from '../../src/diff/tree-at-ref.ts';
import { generate } from '../../src/generate.ts';
import { type GitProject, gitProject } from './git-project.ts';

const SEEN = 'HEADROOM_TEST_SEEN';

/**
 * Makes the config list, when it is loaded, the YAML files on disk beside it (in the temporary copy of the ref, for
 * treeAtRef) into the file $HEADROOM_TEST_SEEN: what was written there before the teams are read.
 */
function listOnLoad(repo: GitProject, folder: string): void {
  repo.edit(
    'headroom.config.ts',
    "import { defineConfig } from 'headroom';",
    "import { defineConfig } from 'headroom';\n" +
      "import { readdirSync, writeFileSync } from 'node:fs';\n" +
      `const seen = process.env.${SEEN};\n` +
      `const folder = new URL('./${folder}', import.meta.url);\n` +
      "if (seen) writeFileSync(seen, readdirSync(folder).filter((name) => name.endsWith('.yaml')).join(','));",
  );
}

/** treeAtRef (or its refusal), and the YAML files the ref's config saw on disk in its folder as it was loaded. */
async function atRefSeen(repo: GitProject, ...args: Parameters<typeof treeAtRef>) {
  const file = `${repo.dir}-seen`;
  process.env[SEEN] = file;
  try {
    const found = await treeAtRef(...args).catch((error: Error) => error);
    return { found, seen: existsSync(file) ? readFileSync(file, 'utf8') : 'nothing' };
  } finally {
    delete process.env[SEEN];
  }
}

describe('diff --base: the ref’s team files', () => {
  it('are read from git, not written to disk, and give the tree generate gives', async () => {
    const repo = gitProject();
    listOnLoad(repo, 'teams');
    repo.commit('the config lists the team files on disk as it is loaded');
    const config = join(repo.dir, 'headroom.config.ts');
    const current = await generate(config);
    const { found, seen } = await atRefSeen(repo, config, 'main', join(repo.dir, 'teams'));
    expect(found).toMatchObject({ tree: current.tree });
    expect(seen).toBe('');
  });

  it('are written when a link in the ref could lead to them', async () => {
    const repo = gitProject();
    listOnLoad(repo, 'teams');
    symlinkSync('search.yaml', join(repo.dir, 'teams', 'search-link.yml'));
    repo.commit('a link among the team files');
    const config = join(repo.dir, 'headroom.config.ts');
    // The link makes search a team of two files: refused at the ref as generate refuses it in the work tree.
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => 'none',
        (error: Error) => error.message,
      );
    const fromWorkTree = await refusal(generate(config));
    expect(fromWorkTree).toContain('is already defined in');
    const { found, seen } = await atRefSeen(repo, config, 'main');
    expect(seen).toBe('payments.yaml,search.yaml');
    // The same refusal, naming the files as at the ref.
    expect(await refusal(Promise.reject(found))).toEqual(fromWorkTree.replaceAll(`${repo.dir}/`, 'main:'));
  });

  it('are written when the ref’s config names another teams folder than the work tree’s', async () => {
    const repo = gitProject();
    repo.git('mv', 'teams', 'squads');
    listOnLoad(repo, 'squads');
    repo.edit('headroom.config.ts', /defineConfig\(\{/, "defineConfig({\n  teamsDir: 'squads',");
    repo.commit('teams in squads/');
    const config = join(repo.dir, 'headroom.config.ts');
    const atMain = await generate(config);
    // The work tree goes back to teams/; the ref still has squads/.
    repo.git('checkout', '-q', 'HEAD~1', '--', '.');
    repo.git('rm', '-q', '-r', 'squads');
    expect(readdirSync(join(repo.dir, 'teams'))).toEqual(['payments.yaml', 'search.yaml']);
    const { found, seen } = await atRefSeen(repo, config, 'main', join(repo.dir, 'teams'));
    expect(found).toMatchObject({ tree: atMain.tree });
    expect(seen).toBe('payments.yaml,search.yaml');
  });
});
