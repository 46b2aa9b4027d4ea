// PromQL's value types (instant vector, range vector, scalar, string) of an expression, as Prometheus' type checker
// derives them. Constructors use them to refuse what the engines would refuse (`rate` of an instant vector, `and`
// between scalars), so a wrong tree fails when it is built.
import type { Expr, ValueType } from './expr.ts';
import { FUNCTIONS } from './functions.ts';

const known = new WeakMap<Expr, ValueType>();

export function typeOf(expr: Expr): ValueType {
  let type = known.get(expr);
  if (type === undefined) {
    type = derive(expr);
    known.set(expr, type);
  }
  return type;
}

function derive(expr: Expr): ValueType {
  switch (expr.kind) {
    case 'selector':
    case 'aggregation':
      return 'instant vector';
    case 'range':
    case 'subquery':
      return 'range vector';
    case 'offset':
    case 'negation':
    case 'paren':
      return typeOf(expr.expr);
    case 'number':
      return 'scalar';
    case 'string':
      return 'string';
    case 'call':
      return FUNCTIONS.get(expr.name)!.returns;
    case 'binary':
      return typeOf(expr.left) === 'instant vector' || typeOf(expr.right) === 'instant vector'
        ? 'instant vector'
        : 'scalar';
  }
}

/** `expr`, unless its type is not one of `wanted`: then an error naming `what` it is (e.g. "argument 1 of rate()"). */
export function expectType<E extends Expr>(expr: E, wanted: readonly ValueType[], what: string): E {
  const type = typeOf(expr);
  if (!wanted.includes(type)) throw new Error(`PromQL: ${what} must be ${wanted.join(' or ')}, not ${type}`);
  return expr;
}
