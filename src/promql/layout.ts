// Which expressions span lines, from their layout choices alone: only a binary operation laid out as 'lines' breaks a
// line, and whatever contains one spans lines too. The printer's layout rules are stated on this, never on text.
import type { Expr } from './expr.ts';

export function spansLines(expr: Expr): boolean {
  switch (expr.kind) {
    case 'binary':
      return expr.layout === 'lines' || spansLines(expr.left) || spansLines(expr.right);
    case 'call':
      return expr.args.some(spansLines);
    case 'aggregation':
      return spansLines(expr.expr) || (expr.param !== undefined && spansLines(expr.param));
    case 'negation':
    case 'paren':
    case 'offset':
    case 'subquery':
      return spansLines(expr.expr);
    default:
      return false;
  }
}

/** A 'lines' binary operation: wherever it is an operand, it stands in parentheses on lines of its own. */
export function isLinesBinary(expr: Expr): boolean {
  return expr.kind === 'binary' && expr.layout === 'lines';
}
