// A throwaway git repository holding test/diff/project, committed, for `headroom diff --base` to read.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { edited } from '../helpers/temp-project.ts';

const PROJECT = fileURLToPath(new URL('./project', import.meta.url));
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'headroom tests',
  GIT_AUTHOR_EMAIL: 'tests@headroom.invalid',
  GIT_COMMITTER_NAME: 'headroom tests',
  GIT_COMMITTER_EMAIL: 'tests@headroom.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
};

export interface GitProject {
  dir: string;
  git(...args: string[]): string;
  write(path: string, content: string): void;
  read(path: string): string;
  edit(path: string, from: string | RegExp, to: string): void;
  remove(path: string): void;
  commit(message: string): void;
  /** Every file outside .git (content and mtime) plus `git status --porcelain`: equal before and after = untouched. */
  snapshot(): string;
}

/** `source`: the project to copy and commit (test/diff/project by default). */
export function gitProject(source = PROJECT): GitProject {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-diff-'));
  cpSync(source, dir, { recursive: true });
  const git = (...args: string[]) => {
    const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: GIT_ENV });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  };
  const project: GitProject = {
    dir,
    git,
    write: (path, content) => writeFileSync(join(dir, path), content),
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    edit: (path, from, to) => project.write(path, edited(path, project.read(path), from, to)),
    remove: (path) => rmSync(join(dir, path)),
    commit: (message) => {
      git('add', '-A');
      git('commit', '-q', '-m', message);
    },
    snapshot: () => {
      const files: string[] = [];
      const walk = (current: string) => {
        for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) =>
          a.name.localeCompare(b.name),
        )) {
          const full = join(current, entry.name);
          if (entry.name === '.git') continue;
          if (entry.isDirectory()) walk(full);
          else files.push(`${relative(dir, full)} ${statSync(full).mtimeMs}\n${readFileSync(full, 'utf8')}`);
        }
      };
      walk(dir);
      return `${files.join('\n')}\n--- git status\n${git('status', '--porcelain', '--untracked-files=all')}`;
    },
  };
  git('init', '-q');
  git('symbolic-ref', 'HEAD', 'refs/heads/main');
  project.commit('headroom config and teams');
  return project;
}
