// Points at a key path inside a YAML document, using the node ranges the yaml package keeps.
import { type Document, isMap, isSeq, isScalar, type LineCounter, type Node } from 'yaml';
import type { KeyPath, Locator, Position } from './input-error.ts';

export function yamlLocator(document: Document, lineCounter: LineCounter): Locator {
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return (path: KeyPath) => {
    let node: unknown = document.contents;
    let position: Position | undefined = isNode(node) && node.range ? at(node.range[0]) : undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        if (isNode(pair.key) && pair.key.range) position = at(pair.key.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (!isNode(item)) break;
        if (item.range) position = at(item.range[0]);
        node = item;
      } else break;
    }
    return position;
  };
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}
