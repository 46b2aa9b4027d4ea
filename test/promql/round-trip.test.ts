// The printer against the lezer grammar, on random trees of every layout: what it prints reads back as the same tree
// (layout and the builder's own parentheses included), and every parenthesis it adds is one precedence needs or
// one of its two layout rules (src/promql/print.ts).
import { test } from '@fast-check/vitest';
import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect } from 'vitest';
import type { Expr } from '../../src/promql/index.ts';
import { print } from '../../src/promql/index.ts';
import { spansLines } from '../../src/promql/layout.ts';
import { seedOf } from '../fuzz/fuzz-budget.ts';
import { ruleTrees } from './arbitraries.ts';
import { canonical, engineGrouping, read } from './read.ts';

const options = { numRuns: 400, seed: seedOf() };
type Node = ReturnType<typeof parser.parse>['topNode'];

/**
 * `readBack` without the parentheses the printer added, `built` guiding: where the builder put n parentheses nodes
 * around an expression the text must have exactly n; where it put none, the printer may have added one, never more.
 */
function withoutAddedParens(readBack: Expr, built: Expr): Expr {
  const depth = (e: Expr): number => (e.kind === 'paren' ? 1 + depth(e.expr) : 0);
  const unwrap = (e: Expr, n: number): Expr => (n === 0 || e.kind !== 'paren' ? e : unwrap(e.expr, n - 1));
  const [builtDepth, readDepth] = [depth(built), depth(readBack)];
  if (builtDepth > 0 ? readDepth !== builtDepth : readDepth > 1)
    throw new Error(`${readDepth} parentheses around what was built with ${builtDepth}:\n${print(readBack)}`);
  const [r, b] = [unwrap(readBack, readDepth), unwrap(built, builtDepth)];
  const rewrap = (e: Expr) => Array.from({ length: builtDepth }).reduce<Expr>((x) => ({ kind: 'paren', expr: x }), e);
  const inner = ((): Expr => {
    if (r.kind !== b.kind) return r;
    switch (r.kind) {
      case 'binary': {
        const bb = b as typeof r;
        return { ...r, left: withoutAddedParens(r.left, bb.left), right: withoutAddedParens(r.right, bb.right) };
      }
      case 'call': {
        const bc = b as typeof r;
        return { ...r, args: r.args.map((arg, i) => (bc.args[i] ? withoutAddedParens(arg, bc.args[i]) : arg)) };
      }
      case 'aggregation': {
        const ba = b as typeof r;
        const param = r.param && ba.param ? withoutAddedParens(r.param, ba.param) : r.param;
        return { ...r, param, expr: withoutAddedParens(r.expr, ba.expr) };
      }
      case 'negation':
      case 'subquery':
      case 'offset':
        return { ...r, expr: withoutAddedParens(r.expr, (b as typeof r).expr) } as Expr;
      default:
        return r;
    }
  })();
  return rewrap(inner);
}

describe('printed trees read back', () => {
  test.prop([ruleTrees({ parens: true })], options)(
    'as the same tree, layout and parentheses nodes included',
    (tree) => {
      const text = print(tree);
      const readBack = read(text);
      expect(canonical(withoutAddedParens(readBack, tree), { parens: true, layout: true })).toEqual(
        canonical(tree, { parens: true, layout: true }),
      );
      expect(print(readBack)).toBe(text);
    },
  );

  test.prop([ruleTrees({ parens: true })], options)('on many lines exactly when the layout says so', (tree) => {
    const lines = print(tree).split('\n');
    expect(lines.length > 1).toBe(spansLines(tree));
    for (const line of lines) expect(line).toMatch(/^( {2})*\S(.*\S)?$/);
  });
});

describe('every parenthesis the printer adds', () => {
  const linesBinary = (node: Node, text: string) => {
    const left = node.firstChild;
    return node.name === 'BinaryExpr' && text.slice(left!.to, left!.nextSibling!.from).includes('\n');
  };

  /**
   * The layout rules' parentheses (a 'lines' binary as an operand, a multi-line operand of a 'lines' binary), and
   * those around an offset under a subquery, which MetricsQL needs (promtool.test.ts shows vmalert refusing it bare).
   */
  function isLayoutOrMetricsQL(paren: Node, text: string): boolean {
    const [parent, inner] = [paren.parent!, paren.getChild('Expr')!];
    if (parent.name === 'SubqueryExpr' && inner.name === 'OffsetExpr') return true;
    if (parent.name === 'UnaryExpr') return linesBinary(inner, text);
    if (parent.name !== 'BinaryExpr') return false;
    return linesBinary(inner, text) || (linesBinary(parent, text) && text.slice(inner.from, inner.to).includes('\n'));
  }

  test.prop([ruleTrees({ parens: false })], options)('is needed, or a layout block', (tree) => {
    // On the text as the engines group it (see read.ts), without the reader's own parentheses.
    const { text, own } = engineGrouping(print(tree));
    const meaning = JSON.stringify(canonical(read(text), { parens: false, layout: false }));
    const parens: Node[] = [];
    parser.parse(text).iterate({
      enter: (node) => {
        if (node.name === 'ParenExpr' && !own.includes(node.from)) parens.push(node.node);
      },
    });
    for (const paren of parens) {
      if (isLayoutOrMetricsQL(paren, text)) continue;
      const inside = text.slice(paren.from + 1, paren.to - 1);
      const without = `${text.slice(0, paren.from)} ${inside} ${text.slice(paren.to)}`;
      let other: string | undefined;
      try {
        other = JSON.stringify(canonical(read(without), { parens: false, layout: false }));
      } catch {
        continue; // does not parse, or parses to a tree PromQL refuses: needed
      }
      expect(other, `needless parentheses at ${paren.from} in:\n${text}`).not.toBe(meaning);
    }
  });
});

test('a ParenExpr child is the expression in it', () => {
  // isLayoutOrMetricsQL above relies on lezer putting the parenthesised expression as the ParenExpr's only Expr child.
  const node = parser.parse('(a + b)').topNode.firstChild!;
  expect(node.name).toBe('ParenExpr');
  expect(node.getChild('Expr')?.name).toBe('BinaryExpr');
});
