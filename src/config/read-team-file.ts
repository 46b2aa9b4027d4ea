// Reads a team file's text, refusing what a team file must not be. Team files are written by the teams, not by whoever
// runs headroom: a symlink to /etc/passwd must not be read (let alone echoed), a 10 MB file must not be read whole,
// a pipe must not hang the run, bytes that are not UTF-8 are named where they sit, and UTF-16 (as some Windows
// editors save) is named as such.
import { isUtf8 } from 'node:buffer';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readlinkSync,
  readSync,
  realpathSync,
  type Stats,
  statSync,
} from 'node:fs';
import { resolve, sep } from 'node:path';
import { InputError, type Position } from './input-error.ts';
import { shownText } from './shown-text.ts';

/** Largest team file read. One team listing 20,000 namespaces is about 0.5 MiB. */
export const TEAM_FILE_MAX_BYTES = 1024 * 1024;

/**
 * What is known of a team file before it is read: its real path, when the folder listing says it is no link (one
 * realpath per file cost a tenth of a second for 5,000), and its bytes when it is held in memory (`diff --base` reads
 * the ref's team files straight from git: see HeldTeamFiles).
 */
export interface KnownFile {
  /** Where it lies, with no link on the way. */
  realPath: string;
  bytes?: Buffer;
}

/** Allowed folders resolved once for the files of a folder (a realpath each, per file, was a tenth of a second). */
export interface AllowedRoots {
  real: readonly string[];
}

export function allowedRoots(folders: readonly string[]): AllowedRoots {
  return { real: folders.map(realFolder) };
}

/**
 * The UTF-8 text of `path` (shown as `file` in messages), without a byte-order mark. `allowedFolders` are where the
 * file's real path may lie: the config folder and the teams folder the config names. A file `known` to be held in
 * memory is judged by the same rules, from its bytes.
 */
export function readTeamFile(
  file: string,
  path: string,
  allowedFolders: readonly string[] | AllowedRoots,
  known?: KnownFile,
): string {
  const refuse = (message: string, position?: Position): never => {
    throw new InputError([{ file, ...(position ? { position } : {}), message }]);
  };
  const real = known?.realPath ?? realPath(path, refuse);
  const roots = 'real' in allowedFolders ? allowedFolders.real : allowedFolders.map(realFolder);
  if (!roots.some((root) => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep))) {
    // The final target, not the link's text: a chain of links may leave the folder only at its last step.
    refuse(
      `is a symbolic link to ${shownText(real)}, which leaves the config folder: refused, not read (team files must ` +
        `live in the config folder)`,
    );
  }
  if (known?.bytes !== undefined) {
    if (known.bytes.length > TEAM_FILE_MAX_BYTES) refuse(tooLarge(known.bytes.length));
    return decodeUtf8(known.bytes, refuse);
  }
  checkKind(statSync(real), refuse);
  // O_NOFOLLOW: the real path holds no link now and must not gain one before the open; O_NONBLOCK: a pipe swapped in
  // meanwhile fails the kind check below instead of hanging the open.
  const fd = openOrRefuse(real, refuse);
  try {
    const stats = fstatSync(fd);
    checkKind(stats, refuse);
    const bytes = Buffer.alloc(Math.min(stats.size, TEAM_FILE_MAX_BYTES) + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < bytes.length; length += read)
      read = readSync(fd, bytes, length, bytes.length - length, null);
    if (length > TEAM_FILE_MAX_BYTES) refuse(tooLarge(length));
    return decodeUtf8(bytes.subarray(0, length), refuse);
  } finally {
    closeSync(fd);
  }
}

function realPath(path: string, refuse: (message: string) => never): string {
  try {
    // One system call (the JavaScript realpath asks the file system about every folder on the way, for every file).
    return realpathSync.native(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const link = safeReadlink(path);
    if (code === 'ELOOP') return refuse('is a symbolic link loop: refused');
    if (code === 'ENOENT' && link !== undefined)
      return refuse(`is a symbolic link to ${shownText(link)}, which does not exist`);
    return refuse(`cannot read this team file (${code ?? 'error'})`);
  }
}

function safeReadlink(path: string): string | undefined {
  try {
    return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : undefined;
  } catch {
    return undefined;
  }
}

function realFolder(folder: string): string {
  try {
    return realpathSync.native(folder);
  } catch {
    return resolve(folder);
  }
}

function checkKind(stats: Stats, refuse: (message: string) => never): void {
  if (stats.isDirectory()) refuse('is a folder, not a team file');
  if (!stats.isFile()) refuse('is not a regular file (a pipe, socket or device): refused, not read');
  if (stats.size > TEAM_FILE_MAX_BYTES) refuse(tooLarge(stats.size));
}

function openOrRefuse(path: string, refuse: (message: string) => never): number {
  try {
    return openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    return refuse(`cannot read this team file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function tooLarge(size: number): string {
  const mib = (size / 1024 / 1024).toFixed(1);
  const shown = size > TEAM_FILE_MAX_BYTES + 1 ? `${mib} MiB` : 'larger than 1 MiB';
  return `is ${shown}; team files are capped at 1 MiB (${TEAM_FILE_MAX_BYTES} bytes): refused, not read`;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function decodeUtf8(bytes: Buffer, refuse: (message: string, position?: Position) => never): string {
  const utf16 = utf16Kind(bytes);
  if (utf16) refuse(`is UTF-16 text (${utf16}), not UTF-8: save it as UTF-8`);
  const body = bytes.subarray(0, 3).equals(BOM) ? bytes.subarray(3) : bytes;
  if (!isUtf8(body)) refuse('is not UTF-8 text: save it as UTF-8', firstBadByte(body));
  const nul = body.indexOf(0);
  if (nul >= 0) refuse('holds a NUL byte: a binary file, not YAML', positionOf(body, nul));
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
}

/** Code units looked at to tell UTF-16 without a byte-order mark: a team file's first lines. */
const UTF16_SAMPLE_UNITS = 512;

/**
 * Which UTF-16 the bytes are, if they are: a byte-order mark says so; without one, text that is mostly ASCII (as
 * YAML keys are) has a NUL in every other byte. Such a file is valid UTF-8 to a decoder, and was refused as binary.
 */
function utf16Kind(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian, with a byte-order mark';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian, with a byte-order mark';
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  const units = Math.min(bytes.length / 2, UTF16_SAMPLE_UNITS);
  let little = 0;
  let big = 0;
  for (let unit = 0; unit < units; unit++) {
    const [first, second] = [bytes[2 * unit]!, bytes[2 * unit + 1]!];
    if (first !== 0 && second === 0) little += 1;
    else if (first === 0 && second !== 0) big += 1;
  }
  const encoding =
    little * 2 >= units && little > big ? 'utf-16le' : big * 2 >= units && big > little ? 'utf-16be' : undefined;
  if (encoding === undefined || !decodesAs(encoding, bytes)) return undefined;
  return encoding === 'utf-16le' ? 'little-endian, without a byte-order mark' : 'big-endian, without a byte-order mark';
}

function decodesAs(encoding: string, bytes: Buffer): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Line and column (in characters) of the first byte that is not UTF-8. */
function firstBadByte(bytes: Buffer): Position {
  // A lenient decode replaces each bad sequence with U+FFFD: the first U+FFFD not spelled EF BF BD in the file is it.
  let offset = 0;
  let line = 1;
  let column = 1;
  for (const char of new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)) {
    const width = Buffer.byteLength(char);
    if (char === '\ufffd' && !bytes.subarray(offset, offset + 3).equals(REPLACEMENT)) break;
    offset += width;
    [line, column] = char === '\n' ? [line + 1, 1] : [line, column + char.length];
  }
  return { line, column };
}

const REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]);

function positionOf(bytes: Buffer, offset: number): Position {
  const before = bytes.subarray(0, offset).toString('utf8').split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
