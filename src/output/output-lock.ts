// One `generate` at a time per output folder: a lock file beside the folder, holding the writer's process id.
// A second run waits for the first and then writes (both end with one complete tree); a lock whose process is gone
// (a run killed mid-write) is taken over. The wait polls with timers, not by blocking, so a signal that stops the
// run is handled while it waits.
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const WAIT_MS = 60_000;
const POLL_MS = 50;
/** A lock file still empty after this long was left by a run killed between creating and filling it. */
const EMPTY_LOCK_GRACE_MS = 5_000;

export class OutputLockBusy extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: string,
  ) {
    super(`${lockFile} is held by process ${holder}`);
  }
}

export function lockFileFor(parent: string, base: string): string {
  return join(parent, `.${base}.headroom-lock`);
}

/** Runs `work` holding the lock; an abort while waiting for the lock throws its reason, with nothing to undo. */
export async function withOutputLock<T>(lockFile: string, work: () => Promise<T>, abort?: AbortSignal): Promise<T> {
  await acquire(lockFile, abort);
  try {
    return await work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

async function acquire(lockFile: string, abort: AbortSignal | undefined): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    abort?.throwIfAborted();
    try {
      writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(lockFile);
    if (holder !== undefined && isAbandoned(lockFile, holder)) {
      takeOver(lockFile);
      continue;
    }
    if (Date.now() > deadline) throw new OutputLockBusy(lockFile, holder || 'unknown');
    await sleep(POLL_MS);
  }
}

function readHolder(lockFile: string): string | undefined {
  try {
    return readFileSync(lockFile, 'utf8').trim();
  } catch {
    return undefined; // released between our attempt and this read: try again
  }
}

function isAbandoned(lockFile: string, holder: string): boolean {
  if (holder === '') {
    try {
      return Date.now() - statSync(lockFile).mtimeMs > EMPTY_LOCK_GRACE_MS;
    } catch {
      return false;
    }
  }
  const pid = Number(holder);
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Moved aside first, so that of two runs finding the same abandoned lock only one removes it. */
function takeOver(lockFile: string): void {
  const aside = `${lockFile}-abandoned-${process.pid}`;
  try {
    renameSync(lockFile, aside);
  } catch {
    return;
  }
  rmSync(aside, { force: true });
}
