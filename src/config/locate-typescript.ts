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

/** The first syntax error the TypeScript parser finds, where it is and its message; `undefined` when it parses. */
export function typescriptSyntaxError(
  fileName: string,
  sourceText: string,
): { position: Position; message: string } | undefined {
  const { ts, source } = parse(fileName, sourceText);
  const diagnostic = (source as ts.SourceFile & { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics?.[0];
  if (diagnostic?.start === undefined) return undefined;
  return {
    position: positionOf(source, diagnostic.start),
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '),
  };
}

/** Where the file imports `specifier` (import, export … from, import(), require()); `undefined` when it does not. */
export function importPosition(fileName: string, sourceText: string, specifier: string): Position | undefined {
  const { ts, source } = parse(fileName, sourceText);
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isStringLiteralLike(node) && node.text === specifier && isModuleReference(ts, node)) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(source);
  return found ? positionOf(source, found.getStart(source)) : undefined;
}

function isModuleReference(ts: TypeScript, literal: ts.StringLiteralLike): boolean {
  const parent = literal.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) return parent.moduleSpecifier === literal;
  if (ts.isExternalModuleReference(parent)) return true;
  return (
    ts.isCallExpression(parent) &&
    (parent.expression.kind === ts.SyntaxKind.ImportKeyword ||
      (ts.isIdentifier(parent.expression) && parent.expression.text === 'require'))
  );
}

/** A byte order mark is not a column: without this, every position on line 1 would be one too far right. */
function parse(fileName: string, sourceText: string): { ts: TypeScript; source: ts.SourceFile } {
  const ts = createRequire(import.meta.url)('typescript') as TypeScript;
  const text = sourceText.startsWith('\uFEFF') ? sourceText.slice(1) : sourceText;
  return { ts, source: ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true) };
}

function positionOf(source: ts.SourceFile, offset: number): Position {
  const { line, character } = source.getLineAndCharacterOfPosition(offset);
  return { line: line + 1, column: character + 1 };
}

function parsedLocator(fileName: string, sourceText: string): Locator {
  const { ts, source } = parse(fileName, sourceText);
  const at = (node: ts.Node): Position => positionOf(source, node.getStart(source));
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
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node))
    return unwrap(ts, node.expression);
  return node;
}

function propertyName(ts: TypeScript, name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}
