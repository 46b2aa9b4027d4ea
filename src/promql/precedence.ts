// How tightly each construct binds, as Prometheus' parser has it: postfix range/subquery/offset tightest, then `^`
// (right-associative), then unary minus with `* / % atan2`, then `+ -`, comparisons, `and unless`, and `or` loosest,
// all binary levels but `^` left-associative. The printer parenthesises an operand exactly where this order would
// otherwise read it differently, or where vmalert's MetricsQL would not read it at all (an offset under a subquery).
// MetricsQL reads unary minus as `0 - x` with the same operand, which has the same value wherever it stands.
import type { Binary, BinaryOp, Expr } from './expr.ts';

const Level = {
  or: 1,
  and: 2,
  comparison: 3,
  additive: 4,
  multiplicative: 5,
  power: 6,
  postfix: 7,
  atom: 8,
} as const;

const OPERATOR_LEVEL: Record<BinaryOp, number> = {
  or: Level.or,
  and: Level.and,
  unless: Level.and,
  '==': Level.comparison,
  '!=': Level.comparison,
  '>': Level.comparison,
  '<': Level.comparison,
  '>=': Level.comparison,
  '<=': Level.comparison,
  '+': Level.additive,
  '-': Level.additive,
  '*': Level.multiplicative,
  '/': Level.multiplicative,
  '%': Level.multiplicative,
  atan2: Level.multiplicative,
  '^': Level.power,
};

/** Whether the printed expression starts with a minus sign: unary minus, or a negative number literal. */
function isPrefixed(expr: Expr): boolean {
  if (expr.kind === 'negation') return true;
  return expr.kind === 'number' && (expr.value < 0 || Object.is(expr.value, -0));
}

function levelOf(expr: Expr): number {
  if (isPrefixed(expr)) return Level.multiplicative;
  switch (expr.kind) {
    case 'binary':
      return OPERATOR_LEVEL[expr.op];
    case 'range':
    case 'subquery':
    case 'offset':
      return Level.postfix;
    default:
      return Level.atom;
  }
}

/** Whether `parent`'s operand on `side` must be in parentheses to be read as that operand. */
export function operandNeedsParens(parent: Binary, side: 'left' | 'right'): boolean {
  const level = OPERATOR_LEVEL[parent.op];
  const child = parent[side];
  // A minus sign opens an operand that ends where an operator no tighter than its own (`*`) follows, and only such an
  // operator can follow a right operand (a tighter one would have parenthesised the parent): `a ^ -b`, `a * -b`.
  if (side === 'right' && isPrefixed(child)) return false;
  const rightAssociative = parent.op === '^';
  const sameLevelNeedsParens = side === 'left' ? rightAssociative : !rightAssociative;
  return levelOf(child) < level || (levelOf(child) === level && sameLevelNeedsParens);
}

/** Whether unary minus must parenthesise its operand: anything looser than `^`, but another minus (`--a`). */
export function negatedNeedsParens(operand: Expr): boolean {
  return !isPrefixed(operand) && levelOf(operand) < Level.power;
}

/**
 * Whether a subquery must parenthesise the expression it evaluates: anything but a selector, call, aggregation or
 * literal (`(a + b)[5m:]`). An offset too: Prometheus reads `x offset 1h[5m:]`, MetricsQL (vmalert) refuses it.
 */
export function subqueriedNeedsParens(operand: Expr): boolean {
  return levelOf(operand) < Level.atom;
}
