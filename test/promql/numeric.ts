// Trees whose value needs no data (number literals and `vector(n)`, a one-series vector without labels), with the
// value each tree has by PromQL's rules, computed here from the tree: promtool.test.ts has the engines compute the
// printed text, so a parenthesis missing or misplaced shows as a wrong number. Only operations whose result Go and
// JavaScript compute alike to the bit are kept (no atan2, whose libraries differ in the last place; `^` of small
// integers only), and no infinities or NaN.
import fc from 'fast-check';
import * as q from '../../src/promql/index.ts';
import type { Expr } from '../../src/promql/index.ts';

/** A scalar, or a one-series vector (undefined when empty). */
export type Value = { scalar: number } | { vector: number | undefined };

export class Inexact extends Error {}

const ARITHMETIC: q.ArithmeticOp[] = ['+', '-', '*', '/', '%', '^'];
const COMPARISONS: q.ComparisonOp[] = ['==', '!=', '>', '<', '>=', '<='];
const SET_OPS: q.SetOp[] = ['and', 'or', 'unless'];

const layout = fc.constantFrom<q.BinaryLayout>('inline', 'lines');
const literal = fc.integer({ min: -3, max: 4 }).map(q.number);

export function numericTrees(depth = 5): fc.Arbitrary<Expr> {
  const scalar: fc.Memo<Expr> = fc.memo((n) =>
    n <= 1
      ? literal
      : fc.oneof(
          literal,
          fc
            .tuple(scalar(n - 1), fc.constantFrom(...ARITHMETIC, ...COMPARISONS), scalar(n - 1), layout)
            .map(([l, op, r, how]) =>
              q.binary(l, op, r, how, ...((COMPARISONS as string[]).includes(op) ? ['bool' as const] : [])),
            ),
          scalar(n - 1).map(q.negate),
        ),
  );
  const vector: fc.Memo<Expr> = fc.memo((n) =>
    n <= 1
      ? literal.map((value) => q.call('vector', [value]))
      : fc.oneof(
          literal.map((value) => q.call('vector', [value])),
          fc
            .record({
              left: vector(n - 1),
              right: vector(n - 1),
              op: fc.constantFrom(...ARITHMETIC, ...COMPARISONS, ...SET_OPS),
              bool: fc.boolean(),
              matching: fc.constantFrom<q.BinaryModifier[]>(
                [],
                [q.on([])],
                [q.ignoring([])],
                [q.on([]), q.groupLeft()],
              ),
              how: layout,
            })
            .map(({ left, right, op, bool, matching, how }) => {
              const set = (SET_OPS as string[]).includes(op);
              const modifiers = [how, ...(set ? matching.slice(0, 1) : matching)];
              if (bool && (COMPARISONS as string[]).includes(op)) modifiers.push('bool');
              return q.binary(left, op, right, ...modifiers);
            }),
          fc
            .tuple(
              vector(n - 1),
              fc.constantFrom(...ARITHMETIC, ...COMPARISONS),
              scalar(n - 1),
              fc.boolean(),
              fc.boolean(),
              layout,
            )
            .map(([v, op, s, scalarFirst, bool, how]) => {
              const modifiers: q.BinaryModifier[] = [how];
              if (bool && (COMPARISONS as string[]).includes(op)) modifiers.push('bool');
              return scalarFirst ? q.binary(s, op, v, ...modifiers) : q.binary(v, op, s, ...modifiers);
            }),
          vector(n - 1).map(q.negate),
        ),
  );
  return fc.oneof(vector(depth), scalar(depth));
}

/**
 * Every pair of arithmetic and comparison operators nested both ways, and unary minus over and under each, on numbers
 * that tell the groupings apart where they can (3 ^ 2 ^ 3 is 6561, (3 ^ 2) ^ 3 is 729).
 */
export function operatorPairs(): Expr[] {
  const ops = [...ARITHMETIC, ...COMPARISONS];
  const join = (l: q.Operand, op: q.BinaryOp, r: q.Operand) =>
    q.binary(l, op, r, ...((COMPARISONS as string[]).includes(op) ? ['bool' as const] : []));
  const three = () => q.call('vector', [q.number(3)]);
  return [
    ...ops.flatMap((first) =>
      ops.flatMap((second) => [join(join(3, first, 2), second, 3), join(3, first, join(2, second, 3))]),
    ),
    ...ops.flatMap((op) => [
      join(q.negate(three()), op, 2),
      q.negate(join(three(), op, 2)),
      join(2, op, q.negate(three())),
      join(q.number(-3), op, 2),
      q.negate(join(3, op, 2)),
    ]),
  ];
}

/** The value of a numeric tree by PromQL's rules; throws Inexact where Go's result might differ in the last bit. */
export function evaluate(expr: Expr): Value {
  switch (expr.kind) {
    case 'number':
      return { scalar: expr.value };
    case 'call':
      return { vector: scalarOf(evaluate(expr.args[0]!)) };
    case 'paren':
      return evaluate(expr.expr);
    case 'negation': {
      const value = evaluate(expr.expr);
      return 'scalar' in value
        ? { scalar: -value.scalar }
        : { vector: value.vector === undefined ? undefined : -value.vector };
    }
    case 'binary':
      return binary(expr, evaluate(expr.left), evaluate(expr.right));
    default:
      throw new Error(`not a numeric tree: ${expr.kind}`);
  }
}

function scalarOf(value: Value): number {
  if (!('scalar' in value)) throw new Error('vector() of a vector');
  return value.scalar;
}

function binary(expr: q.Binary, left: Value, right: Value): Value {
  const { op, bool } = expr;
  if ((SET_OPS as string[]).includes(op)) {
    const [l, r] = [(left as { vector: number | undefined }).vector, (right as { vector: number | undefined }).vector];
    if (op === 'and') return { vector: r === undefined ? undefined : l };
    if (op === 'or') return { vector: l ?? r };
    return { vector: r === undefined ? l : undefined };
  }
  const scalars = 'scalar' in left && 'scalar' in right;
  const l = 'scalar' in left ? left.scalar : left.vector;
  const r = 'scalar' in right ? right.scalar : right.vector;
  if (l === undefined || r === undefined) return { vector: undefined };
  if ((COMPARISONS as string[]).includes(op)) {
    const holds = compare(op as q.ComparisonOp, l, r);
    if (bool) return scalars ? { scalar: holds ? 1 : 0 } : { vector: holds ? 1 : 0 };
    // A filtering comparison keeps the vector's value, the left one between two vectors.
    return { vector: holds ? ('vector' in left ? l : r) : undefined };
  }
  const value = arithmetic(op as q.ArithmeticOp, l, r);
  if (!Number.isFinite(value)) throw new Inexact(`${l} ${op} ${r} is not finite`);
  return scalars ? { scalar: value } : { vector: value };
}

function compare(op: q.ComparisonOp, l: number, r: number): boolean {
  return { '==': l === r, '!=': l !== r, '>': l > r, '<': l < r, '>=': l >= r, '<=': l <= r }[op];
}

function arithmetic(op: q.ArithmeticOp, l: number, r: number): number {
  switch (op) {
    case '+':
      return l + r;
    case '-':
      return l - r;
    case '*':
      return l * r;
    case '/':
      return l / r;
    case '%':
      return l % r;
    case '^': {
      const value = l ** r;
      if (!Number.isInteger(l) || !Number.isInteger(r) || r < 0 || Math.abs(value) > 2 ** 53)
        throw new Inexact(`${l} ^ ${r}`);
      return value;
    }
    default:
      throw new Inexact(op);
  }
}
