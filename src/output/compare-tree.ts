// What `check` reports: how a folder on disk differs from the tree the config generates.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedTree } from './generated-tree.ts';
import { listFiles } from './list-files.ts';

interface TreeDifference {
  missing: string[];
  changed: string[];
  extra: string[];
}

export function compareTree(dir: string, tree: GeneratedTree): TreeDifference {
  const onDisk = new Set(existsSync(dir) ? listFiles(dir) : []);
  const missing = [...tree.keys()].filter((path) => !onDisk.has(path));
  const changed = [...tree.entries()]
    .filter(([path, content]) => onDisk.has(path) && readFileSync(join(dir, path), 'utf8') !== content)
    .map(([path]) => path);
  const extra = [...onDisk].filter((path) => !tree.has(path));
  return { missing, changed, extra };
}

export function isSame(difference: TreeDifference): boolean {
  return difference.missing.length + difference.changed.length + difference.extra.length === 0;
}
