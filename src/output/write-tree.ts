// Writes a generated tree so that readers never see a half-written folder: files go to a staging folder beside
// the real target (beside a symlinked generated/'s destination, so the link survives), which then replaces the
// target by rename. On failure the target is left as it was, and a target headroom did not write is never replaced.
// Folders and files get the modes a plain mkdir / write gives (umask applies), not mkdtemp's 0700.
// An abort (the CLI turns SIGINT and SIGTERM into one) stops the run between two files: the staging folder and the
// lock are removed, the target is left as it was, and the abort's reason is thrown. The swap itself is two renames
// in one synchronous step, so it happens whole or not at all.
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { displayPath } from '../config/display-path.ts';
import type { GeneratedTree } from './generated-tree.ts';
import { lockFileFor, OutputLockBusy, withOutputLock } from './output-lock.ts';
import { capped, locateOutTarget, type OutSource, type OutTarget, refusal } from './out-target.ts';
import { assertReplaceable } from './replaceable-target.ts';

export async function writeTreeAtomically(
  dir: string,
  tree: GeneratedTree,
  source: OutSource = { key: '--out' },
  abort?: AbortSignal,
): Promise<void> {
  const target = locateOutTarget(dir, source);
  assertReplaceable(target);
  const real = target.real;
  const parent = dirname(real);
  const name = basename(real);
  await guarded(target, () => mkdirSync(parent, { recursive: true }));
  const lockFile = lockFileFor(parent, name);
  try {
    await guarded(target, () =>
      withOutputLock(
        lockFile,
        async () => {
          // Under the lock, so a concurrent run is done with its staging: these were left by a killed run.
          removeStaleStaging(parent, name);
          // Checked again: a run that held the lock may have just written the folder.
          assertReplaceable(target);
          swapIn(real, await writeStaging(parent, name, tree, abort));
        },
        abort,
      ),
    );
  } catch (error) {
    if (error instanceof OutputLockBusy) {
      throw refusal(
        target,
        `another headroom run (process ${capped(error.holder, 20)}) is writing it; wait for it to finish, or delete ` +
          `${capped(error.lockFile)} if none is running`,
      );
    }
    throw error;
  }
}

const stagingPrefix = (name: string) => `.${name}.headroom-tmp-`;

function removeStaleStaging(parent: string, name: string): void {
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(stagingPrefix(name))) rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

/** Each file is written synchronously, then the event loop gets a turn: a signal is handled between two files. */
async function writeStaging(
  parent: string,
  name: string,
  tree: GeneratedTree,
  abort: AbortSignal | undefined,
): Promise<string> {
  const staging = join(parent, `${stagingPrefix(name)}${randomBytes(6).toString('hex')}`);
  mkdirSync(staging);
  try {
    const made = new Set<string>();
    for (const [path, content] of tree) {
      abort?.throwIfAborted();
      const folder = dirname(join(staging, path));
      if (!made.has(folder)) mkdirSync(folder, { recursive: true });
      made.add(folder);
      writeFileSync(join(staging, path), content);
      if (abort) await nextTurn();
    }
    abort?.throwIfAborted();
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return staging;
}

function swapIn(real: string, staging: string): void {
  const previous = `${staging}-previous`;
  try {
    if (existsSync(real)) renameSync(real, previous);
    renameSync(staging, real);
  } catch (error) {
    if (!existsSync(real) && existsSync(previous)) renameSync(previous, real);
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}

/**
 * A folder that cannot be written (read-only parent or file system, full disk) is reported as a problem with the
 * folder.
 */
async function guarded<T>(target: OutTarget, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string' || error instanceof OutputLockBusy) throw error;
    throw refusal(target, `cannot be written: ${whyUnwritable(target, code)}; nothing was changed`);
  }
}

/**
 * Said of the folder that refuses the write: the nearest one that exists. Node's recursive mkdir reports ENOENT, not
 * EROFS, for a missing folder below a read-only mount, and EACCES naming the deepest folder it could not make.
 */
function whyUnwritable(target: OutTarget, code: string): string {
  if (code === 'ENOSPC') return 'no space left on the device (ENOSPC)';
  if (code === 'EDQUOT') return 'the disk quota is used up (EDQUOT)';
  const folder = nearestExisting(dirname(target.real));
  const shown = capped(displayPath(folder));
  const denied = writeAccessError(folder) ?? code;
  if (denied === 'EROFS') return `${shown} is on a read-only file system (EROFS)`;
  if (denied === 'EACCES' || denied === 'EPERM') return `${shown} is not writable (${denied})`;
  return code;
}

function nearestExisting(folder: string): string {
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

function writeAccessError(folder: string): string | undefined {
  try {
    accessSync(folder, constants.W_OK);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
}
