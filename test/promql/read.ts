// The printer's tests read what it printed with src/promql/read.ts; this adds the tree as plain data to compare.
import type { Expr } from '../../src/promql/index.ts';
import { spansLines } from '../../src/promql/layout.ts';

export { engineGrouping, read } from '../../src/promql/read.ts';

/**
 * The tree as plain data for comparison: parentheses nodes only with `parens`; layouts only with `layout`, and then
 * argument layouts that print alike (no argument spans lines) made equal.
 */
export function canonical(expr: Expr, options: { parens: boolean; layout: boolean }): unknown {
  const walk = (e: Expr): unknown => {
    const node = walkLayout(e);
    if (!options.layout && 'layout' in (node as object)) delete (node as { layout?: unknown }).layout;
    return node;
  };
  const walkLayout = (e: Expr): unknown => {
    switch (e.kind) {
      case 'paren':
        return options.parens ? { kind: 'paren', expr: walk(e.expr) } : walk(e.expr);
      case 'binary':
        return { ...e, left: walk(e.left), right: walk(e.right) };
      case 'call':
        return { ...e, args: e.args.map(walk), layout: callLayout(e.layout, e.args) };
      case 'aggregation': {
        const args = e.param ? [e.param, e.expr] : [e.expr];
        return { ...e, param: e.param && walk(e.param), expr: walk(e.expr), layout: callLayout(e.layout, args) };
      }
      case 'negation':
      case 'offset':
      case 'subquery':
        return { ...e, expr: walk(e.expr) };
      default:
        return e;
    }
  };
  return walk(expr);
}

function callLayout(layout: string, args: readonly Expr[]): string {
  return args.some(spansLines) ? layout : 'block';
}
