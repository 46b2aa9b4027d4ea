// The generated tree as of a git ref: the ref's config folder is copied out of git (ls-tree + cat-file, never a
// checkout) into a temporary folder and generated there with the current code. The work tree is not touched.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { InputError } from '../config/input-error.ts';
import { generate } from '../generate.ts';
import type { GeneratedTree } from '../output/generated-tree.ts';
import { DiffInputError } from './diff-input-error.ts';

/** Files a config can read: itself, modules it imports, team files. Anything else stays in git. */
const CONFIG_INPUT = /\.(?:[cm]?[jt]s|json|ya?ml)$/;

export interface TreeAtRef {
  tree: GeneratedTree;
  /** Set when the ref has no config file (it predates headroom): the tree is empty and this says why. */
  absent?: string;
}

export async function treeAtRef(configPath: string, ref: string): Promise<TreeAtRef> {
  const configFile = resolve(configPath);
  const configDir = dirname(configFile);
  if (!existsSync(configDir)) throw new DiffInputError(`${configDir}: no such folder`);
  const top = git(configDir, ['rev-parse', '--show-toplevel'], `--base needs a git repository, and ${configDir} is not in one`).trim();
  const commit = git(configDir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], () => unknownRef(configDir, ref)).trim();
  const prefix = relative(realpathSync(top), realpathSync(configDir)).split('\\').join('/');
  const configInRepo = prefix === '' ? basename(configFile) : `${prefix}/${basename(configFile)}`;
  const blobs = listBlobs(top, commit, prefix);
  // The change that introduces headroom: everything is new (the work tree's config was found, so it is no typo).
  if (!blobs.some((blob) => blob.path === configInRepo)) return { tree: new Map(), absent: `${ref} has no ${configInRepo}: everything is new.` };
  const scratch = mkdtempSync(join(tmpdir(), 'headroom-base-'));
  try {
    const contents = readBlobs(top, blobs.map((blob) => blob.hash));
    blobs.forEach((blob, i) => {
      const target = join(scratch, blob.path);
      mkdirSync(dirname(target), { recursive: true });
      // A symlink's blob is its target path: made a link again, the team-file rules judge it as in the work tree
      // (followed inside the config folder, refused when it leaves it).
      if (blob.symlink) symlinkSync(contents[i]!.toString('utf8'), target);
      else writeFileSync(target, contents[i]!);
    });
    // A config may import packages of the repository (besides 'headroom', which load-config aliases).
    if (existsSync(join(top, 'node_modules'))) symlinkSync(join(top, 'node_modules'), join(scratch, 'node_modules'), 'dir');
    try {
      return { tree: (await generate(join(scratch, configInRepo))).tree };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // Name the files as git does (ref:path), not by the temporary folder.
      throw new InputError(error.problems.map((problem) => ({ ...problem, file: atRef(problem.file, scratch, ref) })));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function atRef(file: string, scratch: string, ref: string): string {
  const absolute = resolve(file);
  const real = realpathSync(scratch);
  for (const root of [scratch, real]) {
    if (absolute.startsWith(`${root}/`)) return `${ref}:${relative(root, absolute).split('\\').join('/')}`;
  }
  return file;
}

interface Blob {
  path: string;
  hash: string;
  symlink: boolean;
}

function listBlobs(top: string, commit: string, prefix: string): Blob[] {
  const listing = git(top, ['ls-tree', '-r', '-z', commit, '--', prefix === '' ? '.' : prefix], `cannot list ${commit}`);
  return listing
    .split('\0')
    .filter(Boolean)
    .flatMap((entry): Blob[] => {
      const [meta = '', path = ''] = entry.split('\t');
      const [mode, type, hash = ''] = meta.split(' ');
      // Files and symlinks to files (120000); no submodules (commit) and no linked folders.
      return type === 'blob' && CONFIG_INPUT.test(path) ? [{ path, hash, symlink: mode === '120000' }] : [];
    });
}

/** Contents of many blobs in one `git cat-file --batch`. */
function readBlobs(top: string, hashes: string[]): Buffer[] {
  if (hashes.length === 0) return [];
  const result = spawnSync('git', ['cat-file', '--batch'], { cwd: top, input: `${hashes.join('\n')}\n`, maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new DiffInputError(`git cat-file failed: ${result.stderr.toString().trim()}`);
  const out = result.stdout;
  const contents: Buffer[] = [];
  let at = 0;
  for (const hash of hashes) {
    const headerEnd = out.indexOf(0x0a, at);
    const [found, , size] = out.subarray(at, headerEnd).toString().split(' ');
    if (found !== hash || size === undefined) throw new DiffInputError(`git cat-file: unexpected answer for ${hash}`);
    const start = headerEnd + 1;
    contents.push(out.subarray(start, start + Number(size)));
    at = start + Number(size) + 1; // content is followed by a newline
  }
  return contents;
}

function git(cwd: string, args: string[], failure: string | (() => string)): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.error) throw new DiffInputError(`cannot run git (${result.error.message}); --base needs git on the PATH`);
  if (result.status !== 0) throw new DiffInputError(typeof failure === 'string' ? failure : failure());
  return result.stdout;
}

/** Why a ref may be missing, and how to get it: CI checkouts are shallow and fetch one branch by default. */
function unknownRef(cwd: string, ref: string): string {
  const unknown = `unknown git ref "${ref}" (a branch, tag or commit, e.g. origin/main)`;
  const answer = (args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8' }).stdout?.trim() ?? '';
  const remote = answer(['remote']).split('\n').find((name) => name !== '' && ref.startsWith(`${name}/`));
  const fetchBranch = remote !== undefined ? `\`git fetch ${remote} ${ref.slice(remote.length + 1)}\`` : undefined;
  if (answer(['rev-parse', '--is-shallow-repository']) === 'true') {
    return (
      `${unknown}: this clone is shallow (CI checks out one commit by default), so older commits and other branches are missing. ` +
      `Fetch more history (\`git fetch --deepen=50\`, or \`git fetch --unshallow\`${fetchBranch ? ` and ${fetchBranch}` : ''}), ` +
      'or check out with `fetch-depth: 0` (GitHub Actions, actions/checkout) or `GIT_DEPTH: 0` (GitLab CI)'
    );
  }
  return fetchBranch ? `${unknown}: not fetched yet? ${fetchBranch}` : unknown;
}
