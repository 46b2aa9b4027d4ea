// Where `generate` writes and `check` reads: the output folder as the user named it (--out or output.dir) and the
// real folder behind it. A symlinked generated/ stays a link; its target's content is what gets replaced.
import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { displayPath } from '../config/display-path.ts';
import { InputError } from '../config/input-error.ts';

export interface OutTarget {
  /** The folder as named, absolute. */
  named: string;
  /** The folder with every link resolved: where files really go. Equal to `named` when it does not exist yet. */
  real: string;
  /** What the link at `named` says, when `named` is itself a symlink. */
  link?: string;
  /** Whether `real` exists (as anything). */
  exists: boolean;
  source: OutSource;
}

/** Who named the folder: the flag, or output.dir in the config file; and the config file, which is never replaced. */
export interface OutSource {
  key: '--out' | 'output.dir';
  configFile?: string;
}

/** Resolves the output folder; refuses a dangling link, a link loop and a path below a file. */
export function locateOutTarget(named: string, source: OutSource): OutTarget {
  const base = { named: resolve(named), source };
  const entry = lstatOrUndefined(base.named);
  if (entry === undefined) {
    assertParentsAreFolders({ ...base, real: base.named, exists: false });
    return { ...base, real: base.named, exists: false };
  }
  if (!entry.isSymbolicLink()) return { ...base, real: realpathSync(base.named), exists: true };
  const link = readlinkSync(base.named);
  const target: OutTarget = { ...base, real: base.named, link, exists: false };
  try {
    return { ...target, real: realpathSync(base.named), exists: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw refusal(target, `is a link that leads back to itself (${capped(link)})`);
    throw refusal(
      target,
      `is a link to ${capped(link)}, which does not exist: ` +
        'create that folder, or remove the link so headroom makes one',
    );
  }
}

/** `--out headroom.config.ts/x`: no folder can be made below a file. */
function assertParentsAreFolders(target: OutTarget): void {
  for (let folder = dirname(target.named); ; folder = dirname(folder)) {
    const entry = statOrUndefined(folder);
    if (entry !== undefined) {
      if (!entry.isDirectory())
        throw refusal(target, `cannot be made: ${capped(displayPath(folder))} is a file, not a folder`);
      return;
    }
    if (dirname(folder) === folder) return;
  }
}

/** The problem, pointed at the folder as named and at what named it (`--out` or `output.dir`). */
export function refusal(target: OutTarget, message: string): InputError {
  return new InputError([{ file: capped(displayPath(target.named)), key: target.source.key, message }]);
}

/** Paths echoed in messages are capped: a pasted value must not flood the terminal. */
export function capped(text: string, limit = 80): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
