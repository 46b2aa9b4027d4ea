// Every parsed YAML document and JSON file of a generated tree, with the file it came from.
import { parseAllDocuments } from 'yaml';
import type { GeneratedTree } from '../output/generated-tree.ts';

export interface TreeDocument {
  path: string;
  value: unknown;
}

export function treeDocuments(tree: GeneratedTree): TreeDocument[] {
  return [...tree.entries()].flatMap(([path, content]): TreeDocument[] => {
    if (/\.ya?ml$/.test(path)) {
      return parseAllDocuments(content).flatMap((document) => (document.errors.length === 0 ? [{ path, value: document.toJS() as unknown }] : []));
    }
    if (path.endsWith('.json')) {
      const value = parseJson(content);
      return value === undefined ? [] : [{ path, value }];
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
