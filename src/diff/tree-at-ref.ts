// The generated tree as of a git ref: the ref's config folder is copied out of git (ls-tree + cat-file, never a
// checkout) into a temporary folder, laid out as in the repository, and generated there with the current code, so
// that it reads as `generate` would read a checkout of the ref. The work tree is not touched.
//
// Everything in the config folder is copied, files and links alike: a `teams` that is a file must fail as it fails
// `generate`, and a `teams` that is a link must be followed. A link into the repository brings the ref's files at
// its target too; a link out of it (a shared checkout) has no history in this repository, so it is kept pointing
// where it points in the work tree, read as it is now, and a note says so.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, posix, relative, resolve } from 'node:path';
import { resolveDisplayed, workingDirectory } from '../config/display-path.ts';
import { InputError } from '../config/input-error.ts';
import { generate } from '../generate.ts';
import { isGeneratedFolder } from '../output/generated-folder.ts';
import type { GeneratedData, GeneratedTree } from '../output/generated-tree.ts';
import type { HeldTeamFiles } from '../config/load-teams-dir.ts';
import { DiffInputError } from './diff-input-error.ts';
import { type GeneratedFolder, readTreeDir } from './read-tree.ts';

/** Links followed at most this deep (a link to a folder holding links…); a loop stops here. */
const LINK_ROUNDS = 20;
/** Link targets shown in notes are capped. */
const SHOWN_TARGET = 80;
/** Files kept in memory (see materialise): what could be a team file, dot-files aside (teamFileNames skips them). */
const HELD_NAME = /^[^.].*\.ya?ml$/i;

interface TreeAtRef {
  tree: GeneratedTree;
  /** What its YAML files were written from (see GeneratedFile.data); absent for a ref without a config. */
  data?: GeneratedData;
  /** Set when the ref has no config file (it predates headroom): the tree is empty and this says why. */
  absent?: string;
  /** How the ref was read, where a reviewer should know it (a link out of the repository read as it is now). */
  notes: string[];
  /** The generated folder committed at the ref (its config's output.dir), if the ref holds one headroom wrote. */
  committed?: GeneratedFolder & { where: string };
}

/**
 * `teamsDir`: the work tree's teams folder (by default `teams` beside the config). The ref's regular files there are
 * most likely its team files: they are read straight from git, not written into the temporary folder (see
 * HeldTeamFiles). Should the ref's config name another teams folder, nothing reads them.
 */
export async function treeAtRef(configPath: string, ref: string, teamsDir?: string): Promise<TreeAtRef> {
  const configFile = resolve(configPath);
  const configDir = dirname(configFile);
  if (!existsSync(configDir)) throw new DiffInputError(`${configDir}: no such folder`);
  const top = git(
    configDir,
    ['rev-parse', '--show-toplevel'],
    `--base needs a git repository, and ${configDir} is not in one`,
  ).trim();
  const commit = git(configDir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], () =>
    unknownRef(configDir, ref),
  ).trim();
  const prefix = relative(realpathSync(top), realpathSync(configDir)).split('\\').join('/');
  const configInRepo = prefix === '' ? basename(configFile) : `${prefix}/${basename(configFile)}`;
  const entries = listEntries(top, commit, prefix);
  // The change that introduces headroom: everything is new (the work tree's config was found, so it is no typo).
  if (!entries.some((entry) => entry.path === configInRepo))
    return { tree: new Map(), absent: `${ref} has no ${configInRepo}: everything is new.`, notes: [] };
  const teamsInRepo = relative(realpathSync(top), realOrSelf(teamsDir ?? join(configDir, 'teams')))
    .split('\\')
    .join('/');
  return withScratch(async (scratch) => {
    const { notes, held } = materialise(top, commit, ref, entries, scratch, [prefix], teamsInRepo);
    // A config may import packages of the repository (besides 'headroom', which load-config aliases).
    const modules = join(scratch, 'node_modules');
    if (existsSync(join(top, 'node_modules')) && !existsSync(modules))
      symlinkSync(join(top, 'node_modules'), modules, 'dir');
    let generation: Awaited<ReturnType<typeof generate>>;
    try {
      generation = await generate(join(scratch, configInRepo), undefined, held);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // Name the files as git does (ref:path), not by the temporary folder.
      throw new InputError(
        error.problems.map((problem) => ({
          ...problem,
          file: atRef(problem.file, scratch, ref),
          message: atRefIn(problem.message, scratch, ref),
        })),
      );
    }
    const { tree, data } = generation;
    return { tree, data, notes, ...committedAt(top, commit, ref, scratch, generation.outDir, held) };
  });
}

/** The real path of `path`, or `path` itself when it does not exist. */
function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The generated folder the ref holds where its config writes, read like a folder on disk (scratch mirrors the ref). */
function committedAt(
  top: string,
  commit: string,
  ref: string,
  scratch: string,
  outDir: string,
  held: HeldTeamFiles | undefined,
): Pick<TreeAtRef, 'committed'> {
  // generate resolves output.dir against the config's folder in scratch, without resolving links.
  const inRepo = relative(scratch, outDir).split('\\').join('/');
  if (inRepo === '' || inRepo.startsWith('..') || isAbsolute(inRepo)) return {};
  const folder = join(scratch, inRepo);
  // output.dir outside the config folder: its files were not copied with it.
  if (!existsSync(folder)) materialise(top, commit, ref, listEntries(top, commit, inRepo), scratch, [inRepo]);
  if (!existsSync(folder)) return {};
  // An output folder that is the teams folder too (absurd, but then it is read from disk as a whole).
  if (held !== undefined && realpathSync.native(folder) === held.folder)
    for (const [name, bytes] of held.files) writeFileSync(join(folder, name), bytes);
  if (!isGeneratedFolder(folder)) return {};
  const where = `${inRepo}/ at ${ref}`;
  return { committed: { where, ...readTreeDir(folder, where) } };
}

/** Runs `work` with a fresh temporary folder, removed afterwards, also when the run is interrupted by a signal. */
async function withScratch<T>(work: (scratch: string) => Promise<T>): Promise<T> {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  let scratch: string | undefined;
  const interrupted = (signal: NodeJS.Signals) => {
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
    for (const other of signals) process.off(other, interrupted);
    // Ended by the signal, as without this handler.
    process.kill(process.pid, signal);
  };
  // Listened to before the folder exists: a signal with no listener ends the process at once, folder and all.
  for (const signal of signals) process.once(signal, interrupted);
  scratch = mkdtempSync(join(tmpdir(), 'headroom-base-'));
  try {
    return await work(scratch);
  } finally {
    await signalsDelivered();
    for (const signal of signals) process.off(signal, interrupted);
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * A signal that came during synchronous work is handled only when the event loop polls: two turns of it (a turn
 * that starts after a poll runs its immediates before the next one) make sure that happens while it is listened to.
 */
async function signalsDelivered(): Promise<void> {
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
}

interface Entry {
  path: string;
  hash: string;
  link: boolean;
}

/**
 * Writes the entries into `scratch` at their repository paths: files with their content, links as links. A link
 * into the repository brings the ref's entries at its target (so it resolves as in a checkout of the ref); a link
 * out of it points where it points from the work tree. Returns the notes about links read as they are now.
 *
 * The YAML files right in folder `hold` (a repository path) are kept in memory instead, as `held`, when the entries
 * hold no link: a link might lead to them, and would then lead nowhere.
 */
function materialise(
  top: string,
  commit: string,
  ref: string,
  entries: Entry[],
  scratch: string,
  listedRoots: string[],
  hold?: string,
): { notes: string[]; held?: HeldTeamFiles } {
  const notes: string[] = [];
  const all = new Map(entries.map((entry) => [entry.path, entry]));
  /** Folders whose entries are all in `all` already ('' for the whole repository). */
  const listed = new Set<string>(listedRoots);
  let links = entries.filter((entry) => entry.link);
  const targets = new Map<string, string>();
  for (let round = 0; links.length > 0 && round < LINK_ROUNDS; round++) {
    const texts = readBlobs(
      top,
      links.map((link) => link.hash),
    );
    const next: Entry[] = [];
    links.forEach((link, i) => {
      const target = texts[i]!.toString('utf8');
      targets.set(link.path, target);
      const inRepo = isAbsolute(target) ? undefined : posix.normalize(posix.join(posix.dirname(link.path), target));
      if (inRepo === undefined || inRepo === '..' || inRepo.startsWith('../')) return;
      if ([...listed].some((path) => path === '' || inRepo === path || inRepo.startsWith(`${path}/`))) return;
      listed.add(inRepo);
      for (const entry of listEntries(top, commit, inRepo)) {
        if (all.has(entry.path)) continue;
        all.set(entry.path, entry);
        if (entry.link) next.push(entry);
      }
    });
    links = next;
  }
  const files = [...all.values()].filter((entry) => !entry.link);
  const contents = readBlobs(
    top,
    files.map((file) => file.hash),
  );
  const heldFiles = new Map<string, Buffer>();
  const holds = (path: string) =>
    hold !== undefined && targets.size === 0 && posix.dirname(path) === hold && HELD_NAME.test(posix.basename(path));
  files.forEach((file, i) => {
    if (holds(file.path)) {
      // A copy: a slice would keep all of git's answer (the generated folder's megabytes too) in memory.
      heldFiles.set(posix.basename(file.path), Buffer.from(contents[i]!));
      return;
    }
    const target = join(scratch, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents[i]!);
  });
  for (const [path, target] of targets) {
    const at = join(scratch, path);
    mkdirSync(dirname(at), { recursive: true });
    const inRepo = isAbsolute(target) ? undefined : posix.normalize(posix.join(posix.dirname(path), target));
    if (inRepo !== undefined && inRepo !== '..' && !inRepo.startsWith('../')) {
      // Resolves inside scratch as in the repository. The team-file rules judge it as in the work tree.
      symlinkSync(target, at);
      continue;
    }
    const outside = isAbsolute(target) ? target : resolve(top, dirname(path), target);
    symlinkSync(outside, at);
    const shown = outside.length <= SHOWN_TARGET ? outside : `${outside.slice(0, SHOWN_TARGET - 1)}…`;
    notes.push(
      `${ref}:${path} is a link out of the repository (to ${shown}): its content has no history here, so it is read ` +
        `as it is now at both sides.`,
    );
  }
  if (heldFiles.size === 0) return { notes };
  const folder = join(scratch, hold!);
  mkdirSync(folder, { recursive: true });
  return { notes, held: { folder: realpathSync.native(folder), files: heldFiles } };
}

function atRef(file: string, scratch: string, ref: string): string {
  const absolute = resolveDisplayed(file);
  const real = realpathSync(scratch);
  for (const root of [scratch, real]) {
    if (absolute.startsWith(`${root}/`)) return `${ref}:${relative(root, absolute).split('\\').join('/')}`;
  }
  return file;
}

/** A message that names a path in the temporary folder names it as ref:path instead. */
function atRefIn(message: string, scratch: string, ref: string): string {
  const relativeScratch = relative(workingDirectory(), scratch);
  return [realpathSync(scratch), scratch, relativeScratch].reduce(
    (text, root) => text.split(`${root}/`).join(`${ref}:`),
    message,
  );
}

/** Every file and link at or below `path` in the commit ('' for the whole tree), by repository path. */
function listEntries(top: string, commit: string, path: string): Entry[] {
  const listing = git(top, ['ls-tree', '-r', '-z', commit, '--', path === '' ? '.' : path], `cannot list ${commit}`);
  return listing
    .split('\0')
    .filter(Boolean)
    .flatMap((line): Entry[] => {
      const tab = line.indexOf('\t');
      const [mode, type, hash = ''] = line.slice(0, tab).split(' ');
      // Files (100644, 100755) and links (120000); no submodules (commit).
      return type === 'blob' ? [{ path: line.slice(tab + 1), hash, link: mode === '120000' }] : [];
    });
}

/** Contents of many blobs in one `git cat-file --batch`. */
function readBlobs(top: string, hashes: string[]): Buffer[] {
  if (hashes.length === 0) return [];
  const result = spawnSync('git', ['cat-file', '--batch'], {
    cwd: top,
    input: `${hashes.join('\n')}\n`,
    maxBuffer: 1 << 30,
  });
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
  const remote = answer(['remote'])
    .split('\n')
    .find((name) => name !== '' && ref.startsWith(`${name}/`));
  const fetchBranch = remote !== undefined ? `\`git fetch ${remote} ${ref.slice(remote.length + 1)}\`` : undefined;
  if (answer(['rev-parse', '--is-shallow-repository']) === 'true') {
    return (
      `${unknown}: this clone is shallow (CI checks out one commit by default), so older commits and other branches ` +
      `are missing. ` +
      `Fetch more history (\`git fetch --deepen=50\`, or \`git fetch --unshallow\`` +
      `${fetchBranch ? ` and ${fetchBranch}` : ''}), ` +
      'or check out with `fetch-depth: 0` (GitHub Actions, actions/checkout) or `GIT_DEPTH: 0` (GitLab CI)'
    );
  }
  return fetchBranch ? `${unknown}: not fetched yet? ${fetchBranch}` : unknown;
}
