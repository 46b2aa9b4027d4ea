// Points at a key path inside the object literal a TypeScript config exports
// (`export default defineConfig({...})`), so config errors name a line like YAML errors do.
import { createRequire } from 'node:module';
import type ts from 'typescript';
import type { KeyPath, Locator, Position } from './input-error.ts';

/**
 * The TypeScript compiler (≈ 9 MB of JavaScript, 0.2 s or more to load) is loaded and the file parsed on the first call
 * only: a valid config never needs it. `require`, not `import()`, because a Locator answers synchronously.
 */
export function typescriptLocator(fileName: string, sourceText: string): Locator {
  let locate: Locator | undefined;
  return (path: KeyPath) => (locate ??= parsedLocator(fileName, sourceText))(path);
}

function parsedLocator(fileName: string, sourceText: string): Locator {
  const ts = createRequire(import.meta.url)('typescript') as typeof import('typescript');
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true);
  const at = (node: ts.Node): Position => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    return { line: line + 1, column: character + 1 };
  };
  const root = exportedValue(ts, source);
  return (path: KeyPath) => {
    if (!root) return undefined;
    let node: ts.Expression = root;
    let position = at(node);
    for (const segment of path) {
      const inner = unwrap(ts, node);
      if (ts.isObjectLiteralExpression(inner)) {
        const property = inner.properties.find((p) => p.name && propertyName(ts, p.name) === String(segment));
        if (!property) break;
        position = at(property.name ?? property);
        if (ts.isPropertyAssignment(property)) node = property.initializer;
        else if (ts.isShorthandPropertyAssignment(property)) node = property.name;
        else break;
      } else if (ts.isArrayLiteralExpression(inner) && typeof segment === 'number') {
        const element = inner.elements[segment];
        if (!element) break;
        position = at(element);
        node = element;
      } else break;
    }
    return position;
  };
}

type TypeScript = typeof import('typescript');

function exportedValue(ts: TypeScript, source: ts.SourceFile): ts.Expression | undefined {
  for (const statement of source.statements) {
    if (ts.isExportAssignment(statement)) return statement.expression;
  }
  return undefined;
}

/** Sees through `defineConfig(...)`, `as`, `satisfies` and parentheses to the literal inside. */
function unwrap(ts: TypeScript, node: ts.Expression): ts.Expression {
  if (ts.isCallExpression(node) && node.arguments.length === 1) return unwrap(ts, node.arguments[0]!);
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return unwrap(ts, node.expression);
  return node;
}

function propertyName(ts: TypeScript, name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}
