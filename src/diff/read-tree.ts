// Reads a generated folder into the same shape `generate` builds in memory: relative path → content.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedTree } from '../output/generated-tree.ts';
import { listFiles } from '../output/list-files.ts';
import { DiffInputError } from './diff-input-error.ts';

export function readTreeDir(dir: string): GeneratedTree {
  if (!existsSync(dir)) throw new DiffInputError(`${dir}: no such folder`);
  if (!statSync(dir).isDirectory()) throw new DiffInputError(`${dir}: not a folder (pass two generated folders, or --base <git-ref>)`);
  return new Map(listFiles(dir, { plainOnly: true }).map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
}
