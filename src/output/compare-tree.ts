// What `check` reports: how a folder on disk differs from the tree the config generates.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { GeneratedTree } from './generated-tree.ts';

export interface TreeDifference {
  missing: string[];
  changed: string[];
  extra: string[];
}

export function compareTree(dir: string, tree: GeneratedTree): TreeDifference {
  const onDisk = new Set(existsSync(dir) ? listFiles(dir).map((file) => relative(dir, file).split('\\').join('/')) : []);
  const missing = [...tree.keys()].filter((path) => !onDisk.has(path));
  const changed = [...tree.entries()].filter(([path, content]) => onDisk.has(path) && readFileSync(join(dir, path), 'utf8') !== content).map(([path]) => path);
  const extra = [...onDisk].filter((path) => !tree.has(path)).sort();
  return { missing, changed, extra };
}

export function isSame(difference: TreeDifference): boolean {
  return difference.missing.length + difference.changed.length + difference.extra.length === 0;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
