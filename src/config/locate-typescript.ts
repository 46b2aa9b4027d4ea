// Points at a key path inside the object literal a TypeScript config exports
// (`export default defineConfig({...})`), so config errors name a line like YAML errors do.
import ts from 'typescript';
import type { KeyPath, Locator, Position } from './input-error.ts';

export function typescriptLocator(fileName: string, sourceText: string): Locator {
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true);
  const at = (node: ts.Node): Position => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    return { line: line + 1, column: character + 1 };
  };
  const root = exportedValue(source);
  return (path: KeyPath) => {
    if (!root) return undefined;
    let node: ts.Expression = root;
    let position = at(node);
    for (const segment of path) {
      const inner = unwrap(node);
      if (ts.isObjectLiteralExpression(inner)) {
        const property = inner.properties.find((p) => p.name && propertyName(p.name) === String(segment));
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

function exportedValue(source: ts.SourceFile): ts.Expression | undefined {
  for (const statement of source.statements) {
    if (ts.isExportAssignment(statement)) return statement.expression;
  }
  return undefined;
}

/** Sees through `defineConfig(...)`, `as`, `satisfies` and parentheses to the literal inside. */
function unwrap(node: ts.Expression): ts.Expression {
  if (ts.isCallExpression(node) && node.arguments.length === 1) return unwrap(node.arguments[0]!);
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return unwrap(node.expression);
  return node;
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}
