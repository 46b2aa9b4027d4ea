// Reads a generated folder into the same shape `generate` builds in memory: relative path → content.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { GeneratedTree } from '../output/generated-tree.ts';
import { DiffInputError } from './diff-input-error.ts';

export function readTreeDir(dir: string): GeneratedTree {
  if (!existsSync(dir)) throw new DiffInputError(`${dir}: no such folder`);
  if (!statSync(dir).isDirectory()) throw new DiffInputError(`${dir}: not a folder (pass two generated folders, or --base <git-ref>)`);
  const files = listFiles(dir)
    .map((file) => [relative(dir, file).split('\\').join('/'), file] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(files.map(([path, file]) => [path, readFileSync(file, 'utf8')]));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return []; // .git, editor swap files, write-tree's staging folders
    return entry.isDirectory() ? listFiles(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : [];
  });
}
