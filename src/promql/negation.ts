// Unary minus: `negate(x)` is `-x`. Of a number literal it is the negative literal (`-1`), as Prometheus folds it.
import type { Expr, Negation, NumberLiteral } from './expr.ts';
import { number } from './literal.ts';
import { expectType } from './types.ts';

export function negate(expr: Expr): Negation | NumberLiteral {
  if (expr.kind === 'number') return number(-expr.value);
  expectType(expr, ['scalar', 'instant vector'], 'what unary minus negates');
  return { kind: 'negation', expr };
}
