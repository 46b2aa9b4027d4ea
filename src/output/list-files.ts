// Every file below a folder, as sorted relative paths with `/` separators: the keys of a generated tree.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { byCodePoint } from '../values/ordering.ts';

/**
 * `plainOnly` keeps what `generate` could have written: no dot-files or dot-folders (.git, editor swap files,
 * staging folders), no links or other special files.
 */
export function listFiles(dir: string, options: { plainOnly?: boolean } = {}): string[] {
  const walk = (current: string): string[] =>
    readdirSync(current, { withFileTypes: true }).flatMap((entry) => {
      const full = join(current, entry.name);
      if (entry.isDirectory()) return options.plainOnly && entry.name.startsWith('.') ? [] : walk(full);
      return options.plainOnly && (entry.name.startsWith('.') || !entry.isFile()) ? [] : [full];
    });
  return walk(dir)
    .map((file) => relative(dir, file).split('\\').join('/'))
    .sort(byCodePoint);
}
