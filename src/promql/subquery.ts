// Subqueries: `subquery(expr, '1h', '1m')` is `expr[1h:1m]`, the instant vector `expr` evaluated every minute over the
// last hour; without a step (`expr[1h:]`) the engine's evaluation interval.
import type { Duration, Expr, Subquery } from './expr.ts';
import { checkDuration } from './names.ts';
import { expectType } from './types.ts';

export function subquery(expr: Expr, range: Duration, step?: Duration): Subquery {
  expectType(expr, ['instant vector'], 'a subquery');
  return {
    kind: 'subquery',
    expr,
    range: checkDuration(range),
    step: step === undefined ? undefined : checkDuration(step),
  };
}
