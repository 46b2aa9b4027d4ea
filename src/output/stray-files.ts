// Files in a folder headroom generated that headroom did not write (a README someone added, a hand-made
// dashboard). `generate` replaces the folder whole, so it refuses rather than delete them silently.
// A file is headroom's when it begins with the generated-file notice (every YAML and libsonnet file does), or when
// it is a JSON file the previous run's mixin index imports (dashboards and rule groups: JSON cannot carry a notice).
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { byCodePoint } from '../values/ordering.ts';
import { GENERATED_NOTICE } from './header.ts';
import { MIXIN_INDEX_PATH } from './mixin-json.ts';

export function strayFiles(dir: string): string[] {
  const imported = mixinImports(dir);
  return everyEntry(dir)
    .filter((path) => !imported.has(path) && !beginsWithNotice(join(dir, path)))
    .sort(byCodePoint);
}

/** Files, links and other non-folders below `dir`, dot-files included, as `/`-separated relative paths. */
function everyEntry(dir: string): string[] {
  const walk = (current: string): string[] =>
    readdirSync(current, { withFileTypes: true }).flatMap((entry) => {
      const full = join(current, entry.name);
      return entry.isDirectory() ? walk(full) : [relative(dir, full).split('\\').join('/')];
    });
  return walk(dir);
}

/**
 * Whether the file is a plain file whose first lines carry headroom's generated-file notice (read: 200 bytes at most).
 */
export function beginsWithNotice(file: string): boolean {
  if (!lstatSync(file).isFile()) return false;
  const head = Buffer.alloc(200);
  const fd = openSync(file, 'r');
  try {
    const read = readSync(fd, head, 0, head.length, 0);
    return head
      .subarray(0, read)
      .toString('utf8')
      .split('\n', 3)
      .some((line) => line.includes(GENERATED_NOTICE));
  } finally {
    closeSync(fd);
  }
}

/** The paths (relative to `dir`) the mixin index names with `import "…"`, if the index is headroom's. */
function mixinImports(dir: string): Set<string> {
  const index = join(dir, MIXIN_INDEX_PATH);
  let text: string;
  try {
    if (!beginsWithNotice(index)) return new Set();
    text = readFileSync(index, 'utf8');
  } catch {
    return new Set();
  }
  const from = posix.dirname(MIXIN_INDEX_PATH);
  return new Set(
    [...text.matchAll(/\bimport\s+"([^"]+)"/g)]
      .map((match) => posix.normalize(posix.join(from, match[1]!)))
      .filter((path) => !path.startsWith('..')),
  );
}
