// The layers of src/, enforced: a module imports only from its own layer or the layers below, and no import cycle
// exists. Type-only imports are exempt (they vanish at runtime): an alert's rules take the model as a parameter, the
// model's types name the alerts' settings. See docs/contributing.md for what lives where.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/paths.ts';

/**
 * Lowest first. The catalogue (alerts) and the shared rule pieces sit below config because the config schema is
 * assembled from the alerts' own settings; rule-groups, dashboards and output read the resolved model.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['values'],
  ['promql'],
  ['rules'],
  ['alerts'],
  ['config'],
  ['model'],
  ['rule-groups', 'dashboards'],
  ['output'],
  ['mixin'],
  ['generate'],
  // backtest reads the store through doctor's client; diff backtests the alerts whose rules changed.
  ['doctor'],
  ['backtest'],
  ['diff'],
  ['cli'],
  ['index'],
];

const SRC = join(REPO_ROOT, 'src');

/** src/rules/partition.ts → rules; src/generate.ts → generate. */
function layerOf(file: string): number {
  const top = file.split('/')[0]!.replace(/\.ts$/, '');
  const layer = LAYERS.findIndex((names) => names.includes(top));
  if (layer < 0) throw new Error(`src/${file}: in no layer; add src/${top} to LAYERS in test/architecture.test.ts`);
  return layer;
}

/**
 * The modules of src/ a file imports at runtime (`import type` and type-only specifiers left out), relative to src/.
 */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(SRC, file), 'utf8'), ts.ScriptTarget.Latest);
  const imports: string[] = [];
  for (const statement of source.statements) {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const named = clause?.namedBindings;
      const typesOnly =
        clause?.isTypeOnly ||
        (clause !== undefined &&
          clause.name === undefined &&
          named !== undefined &&
          ts.isNamedImports(named) &&
          named.elements.length > 0 &&
          named.elements.every((element) => element.isTypeOnly));
      if (!typesOnly) specifier = statement.moduleSpecifier;
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      specifier = statement.moduleSpecifier;
    }
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.'))
      imports.push(normalize(join(dirname(file), specifier.text)));
  }
  return imports;
}

type ImportGraph = ReadonlyMap<string, readonly string[]>;

const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .sort();
const graph: ImportGraph = new Map(files.map((file) => [file, runtimeImports(file)]));

function upwardImports(graph: ImportGraph): string[] {
  return [...graph].flatMap(([file, imports]) =>
    imports.filter((target) => layerOf(target) > layerOf(file)).map((target) => `src/${file} imports src/${target}`),
  );
}

/** Each cycle once, as its files sorted (Tarjan's strongly connected components of more than one file). */
function cycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.includes(file)) found.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe('the layers of src/', () => {
  it('every import points to a module that exists in src/', () => {
    const missing = [...graph].flatMap(([file, imports]) =>
      imports.filter((target) => !graph.has(target)).map((target) => `${file} → ${target}`),
    );
    expect(missing).toEqual([]);
  });

  it('imports run one way: to the same layer or a lower one, never up', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('no module imports itself through others (no cycle)', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('the checks find what they look for: an upward import, a cycle, a file in no layer', () => {
    const planted = new Map([
      ['values/a.ts', ['rules/b.ts']],
      ['rules/b.ts', ['rules/c.ts']],
      ['rules/c.ts', ['rules/b.ts']],
    ]);
    expect(upwardImports(planted)).toEqual(['src/values/a.ts imports src/rules/b.ts']);
    expect(cycles(planted)).toEqual([['rules/b.ts', 'rules/c.ts']]);
    expect(() => layerOf('elsewhere/d.ts')).toThrow(/in no layer/);
    expect([...graph.values()].flat().length).toBeGreaterThan(files.length);
  });
});
