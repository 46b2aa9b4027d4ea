// Every parsed YAML document and JSON file of a generated tree, with the file it came from. A file that does not
// parse (a merge conflict, a hand edit) is an error: skipping it would report its changes as none.
import { parseAllDocuments } from 'yaml';
import type { GeneratedData, GeneratedTree } from '../output/generated-tree.ts';
import { DiffInputError } from './diff-input-error.ts';
import { readBack } from './written-data.ts';

export interface TreeDocument {
  path: string;
  value: unknown;
}

/** `data`: what YAML files were written from, for a tree generated in this process (read instead of the text). */
export function treeDocuments(tree: GeneratedTree, data?: GeneratedData): TreeDocument[] {
  return [...tree.entries()].flatMap(([path, content]): TreeDocument[] => {
    const written = data?.has(path) ? readBack(data.get(path)) : undefined;
    if (written !== undefined) return [{ path, value: written }];
    if (/\.ya?ml$/.test(path)) {
      return parseAllDocuments(content).map((document) => {
        const error = document.errors[0];
        if (error) throw new DiffInputError(`${path}: not valid YAML (${error.message.split('\n')[0]})`);
        return { path, value: document.toJS() as unknown };
      });
    }
    if (path.endsWith('.json')) {
      const value = parseJson(content);
      if (value === undefined) throw new DiffInputError(`${path}: not valid JSON`);
      return [{ path, value }];
    }
    return [];
  });
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
