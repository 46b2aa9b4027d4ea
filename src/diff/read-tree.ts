// Reads a generated folder into the same shape `generate` builds in memory: relative path → content. Only a folder
// headroom generated is read (`headroom diff generated /etc` must not print /etc/shadow), and in it only the files
// headroom wrote: a file someone put there is named in a note, never read.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isGeneratedFolder, NOT_GENERATED } from '../output/generated-folder.ts';
import type { GeneratedTree } from '../output/generated-tree.ts';
import { listFiles } from '../output/list-files.ts';
import { strayFiles } from '../output/stray-files.ts';
import { DiffInputError } from './diff-input-error.ts';
import { plural } from './wording.ts';

/** Strays named in a note at most; the rest are counted. */
const NAMED_STRAYS = 5;

export interface GeneratedFolder {
  tree: GeneratedTree;
  /** Why some files were left out, if any were. */
  notes: string[];
}

/** `shown`: how messages and notes name the folder (as the user gave it; a folder copied out of git as at its ref). */
export function readTreeDir(dir: string, shown = dir): GeneratedFolder {
  if (!existsSync(dir)) throw new DiffInputError(`${shown}: no such folder`);
  if (!statSync(dir).isDirectory())
    throw new DiffInputError(`${shown}: not a folder (pass two generated folders, or --base <git-ref>)`);
  if (!isGeneratedFolder(dir))
    throw new DiffInputError(`${shown}: ${NOT_GENERATED}; diff compares the folders \`headroom generate\` writes`);
  const strays = new Set(strayFiles(dir));
  const files = listFiles(dir, { plainOnly: true }).filter((path) => !strays.has(path));
  const named =
    [...strays].slice(0, NAMED_STRAYS).join(', ') +
    (strays.size > NAMED_STRAYS ? ` and ${strays.size - NAMED_STRAYS} more` : '');
  return {
    tree: new Map(files.map((path) => [path, readFileSync(join(dir, path), 'utf8')])),
    notes:
      strays.size > 0
        ? [`${shown}: ${plural(strays.size, 'file')} headroom did not write, left out of the comparison: ${named}`]
        : [],
  };
}
