// Many operands joined by one associative set operator (`or`, `and`) as a balanced tree rather than a chain: each
// operation copies the series of its operands, so a chain of n operations costs n² and a balanced tree n·log n.
import type { Expr, SetOp } from './expr.ts';
import { type BinaryModifier, binary } from './binary.ts';

/** `parts` joined by `op` with `modifiers` (e.g. `on (…)`, `'lines'`) as a balanced tree, left to right. */
export function balanced(parts: readonly Expr[], op: SetOp, ...modifiers: readonly BinaryModifier[]): Expr {
  if (parts.length === 0) throw new Error('PromQL: balanced() needs at least one operand');
  if (parts.length === 1) return parts[0]!;
  const middle = Math.ceil(parts.length / 2);
  const [left, right] = [parts.slice(0, middle), parts.slice(middle)];
  return binary(balanced(left, op, ...modifiers), op, balanced(right, op, ...modifiers), ...modifiers);
}
