// A team file holds plain data: one mapping of plain keys to strings, numbers, lists and mappings. What YAML adds on
// top is refused with its line and key, before anything is converted: tags (`!!binary`, `!!js/function`, `!foo`),
// merge keys (`<<`), keys that are lists or mappings, duplicate keys, aliases with no anchor, and aliases that
// expand without bound (the "billion laughs" bomb).
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import { InputError, type KeyPath, keyPathText, type Position, type Problem, type SourceFile } from './input-error.ts';
import { shownText } from './shown-text.ts';

/** How many nodes aliases may copy in all, counted as the yaml package does. A team file needs a handful. */
const MAX_ALIAS_COUNT = 100;

export function plainDataProblems(document: Document, source: SourceFile, lineCounter: LineCounter): Problem[] {
  const problems: Problem[] = [];
  const at = (node: Node | null | undefined, path: KeyPath, message: string) => {
    problems.push({
      file: source.file,
      ...position(node, lineCounter),
      ...(path.length > 0 ? { key: keyPathText(path) } : {}),
      message,
    });
  };
  const root = document.contents;
  if (!isMap(root)) {
    at(
      root,
      [],
      `a team file holds one mapping (\`name:\`, \`namespaces:\`, …), not ${isSeq(root) ? 'a list' : 'a single value'}`,
    );
    return problems;
  }
  const anchors = new Set<string>();
  const walk = (node: unknown, path: KeyPath): void => {
    if (isAlias(node)) {
      if (!anchors.has(node.source))
        at(node, path, `alias *${shownText(node.source)} has no anchor &${shownText(node.source)} before it`);
      return;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) return;
    if (node.tag)
      at(
        node,
        path,
        `YAML tag ${shownText(node.tag.replace(/^tag:yaml\.org,2002:/, '!!'))} is not allowed: a team file holds ` +
          `plain data (quote a value that must stay text)`,
      );
    if (node.anchor) anchors.add(node.anchor);
    if (isSeq(node)) for (const [i, item] of node.items.entries()) walk(item, [...path, i]);
    if (!isMap(node)) return;
    const seen = new Map<string, Node>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key;
      if (!isScalar(key)) {
        at(key as Node, path, 'keys must be plain text, not a list, a mapping or an alias');
        continue;
      }
      const name = String(key.value);
      const keyPath = [...path, name];
      if (name === '<<' && key.type === 'PLAIN')
        at(key, keyPath, 'merge keys (`<<: *anchor`) are not supported: write the keys out');
      const first = seen.get(name);
      if (first)
        at(key, keyPath, `duplicate key (first at line ${position(first, lineCounter).position?.line ?? '?'})`);
      else seen.set(name, key);
      walk(key, keyPath);
      walk(pair.value, keyPath);
    }
  };
  walk(root, []);
  return problems;
}

/** The document as plain data; an alias bomb is refused at the first alias instead of being expanded. */
export function toPlainData(document: Document, source: SourceFile, lineCounter: LineCounter): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let firstAlias: Node | undefined;
    const find = (node: unknown): void => {
      if (firstAlias) return;
      if (isAlias(node)) firstAlias = node;
      else if (isSeq(node)) for (const item of node.items) find(item);
      else if (isMap(node)) for (const pair of node.items) find(pair.value);
    };
    find(document.contents);
    const expansion = `YAML aliases expand to more than ${MAX_ALIAS_COUNT} nodes`;
    const message = `${expansion} (an alias bomb): refused; write the values out`;
    throw new InputError([{ file: source.file, ...position(firstAlias, lineCounter), message }]);
  }
}

function position(node: Node | null | undefined, lineCounter: LineCounter): { position?: Position } {
  if (!node?.range) return {};
  const { line, col } = lineCounter.linePos(node.range[0]);
  return { position: { line, column: col } };
}
