// Parentheses a builder wants whatever the precedence (to reproduce a layout, or for the reader's sake). The printer
// adds the parentheses precedence needs by itself and never doubles these.
import type { Expr, Paren } from './expr.ts';

export function paren(expr: Expr): Paren {
  return { kind: 'paren', expr };
}
