// Every parsed YAML document and JSON file of a generated tree, with the file it came from. A file that does not
// parse (a merge conflict, a hand edit) is an error: skipping it would report its changes as none.
import { parseAllDocuments } from 'yaml';
import type { GeneratedTree } from '../output/generated-tree.ts';
import { DiffInputError } from './diff-input-error.ts';

export interface TreeDocument {
  path: string;
  value: unknown;
}

export function treeDocuments(tree: GeneratedTree): TreeDocument[] {
  return [...tree.entries()].flatMap(([path, content]): TreeDocument[] => {
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
