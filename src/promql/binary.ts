// Binary operations: `binary(a, '/', b, on(['namespace', 'pod']), groupLeft(['team']), 'lines')` is
// `a / on (namespace, pod) group_left (team) b` with operands and operator on lines of their own. Modifiers come in
// any order: `on`/`ignoring`, `groupLeft`/`groupRight`, `'bool'`, and the layout (`'inline'`, the default, or
// `'lines'`; see BinaryLayout). Where the operands' precedence needs parentheses the printer adds them.
import type {
  ArithmeticOp,
  Binary,
  BinaryLayout,
  BinaryOp,
  ComparisonOp,
  Expr,
  SetOp,
  VectorMatching,
} from './expr.ts';
import { type Operand, operand } from './literal.ts';
import { checkLabelList } from './names.ts';
import { expectType, typeOf } from './types.ts';

interface MatchingLabels {
  readonly modifier: 'on' | 'ignoring';
  readonly labels: readonly string[];
}

interface GroupSide {
  readonly modifier: 'group_left' | 'group_right';
  readonly labels: readonly string[];
}

export type BinaryModifier = MatchingLabels | GroupSide | 'bool' | BinaryLayout;

/** `on (labels)`: match series of the two sides on these labels only. */
export const on = (labels: readonly string[]): MatchingLabels => ({ modifier: 'on', labels: checkLabelList(labels) });
/** `ignoring (labels)`: match series on all labels but these. */
export const ignoring = (labels: readonly string[]): MatchingLabels => ({
  modifier: 'ignoring',
  labels: checkLabelList(labels),
});
/** `group_left (labels)`: many left series to one right series, copying `labels` from the right one. */
export const groupLeft = (labels: readonly string[] = []): GroupSide => ({
  modifier: 'group_left',
  labels: checkLabelList(labels),
});
export const groupRight = (labels: readonly string[] = []): GroupSide => ({
  modifier: 'group_right',
  labels: checkLabelList(labels),
});

const COMPARISONS: readonly BinaryOp[] = ['==', '!=', '>', '<', '>=', '<='] satisfies ComparisonOp[];
const SET_OPS: readonly BinaryOp[] = ['and', 'or', 'unless'] satisfies SetOp[];
const ARITHMETIC: readonly BinaryOp[] = ['+', '-', '*', '/', '%', '^', 'atan2'] satisfies ArithmeticOp[];

export function binary(left: Operand, op: BinaryOp, right: Operand, ...modifiers: readonly BinaryModifier[]): Binary {
  if (![...COMPARISONS, ...SET_OPS, ...ARITHMETIC].includes(op)) throw new Error(`PromQL: "${op}" is no operator`);
  const one = <M extends BinaryModifier>(pick: (m: BinaryModifier) => m is M, what: string): M | undefined => {
    const found = modifiers.filter(pick);
    if (found.length > 1) throw new Error(`PromQL: ${op} has more than one ${what}`);
    return found[0];
  };
  const matchingLabels = one(
    (m): m is MatchingLabels => typeof m === 'object' && (m.modifier === 'on' || m.modifier === 'ignoring'),
    'on/ignoring',
  );
  const groupSide = one(
    (m): m is GroupSide => typeof m === 'object' && (m.modifier === 'group_left' || m.modifier === 'group_right'),
    'group_left/right',
  );
  const bool = one((m): m is 'bool' => m === 'bool', 'bool') !== undefined;
  const layout = one((m): m is BinaryLayout => m === 'inline' || m === 'lines', 'layout') ?? 'inline';

  const [l, r] = [operand(left), operand(right)];
  const matching = vectorMatching(op, matchingLabels, groupSide);
  checkTypes(op, l, r, bool, matching);
  return { kind: 'binary', op, left: l, right: r, bool, matching, layout };
}

function vectorMatching(
  op: BinaryOp,
  labels: MatchingLabels | undefined,
  side: GroupSide | undefined,
): VectorMatching | undefined {
  if (side && !labels) throw new Error(`PromQL: ${side.modifier} needs on (…) or ignoring (…) before it`);
  if (side && SET_OPS.includes(op))
    throw new Error(`PromQL: ${op} takes no ${side.modifier} (set operators match many-to-many)`);
  if (!labels) return undefined;
  const group = side && {
    side: side.modifier === 'group_left' ? ('left' as const) : ('right' as const),
    labels: side.labels,
  };
  const both = labels.modifier === 'on' ? group?.labels.filter((label) => labels.labels.includes(label)) : [];
  if (both?.length) throw new Error(`PromQL: label ${both[0]} cannot be in both on (…) and ${side!.modifier} (…)`);
  return { kind: labels.modifier, labels: labels.labels, group };
}

/** Prometheus' own type rules for binary operations. */
function checkTypes(op: BinaryOp, left: Expr, right: Expr, bool: boolean, matching: VectorMatching | undefined): void {
  expectType(left, ['scalar', 'instant vector'], `the left operand of ${op}`);
  expectType(right, ['scalar', 'instant vector'], `the right operand of ${op}`);
  const vectors = typeOf(left) === 'instant vector' && typeOf(right) === 'instant vector';
  const scalars = typeOf(left) === 'scalar' && typeOf(right) === 'scalar';
  if (bool && !COMPARISONS.includes(op)) throw new Error(`PromQL: bool applies to comparisons, not ${op}`);
  if (SET_OPS.includes(op) && !vectors) throw new Error(`PromQL: ${op} needs instant vectors on both sides`);
  if (COMPARISONS.includes(op) && scalars && !bool)
    throw new Error(`PromQL: a comparison of two scalars needs bool (${op} bool)`);
  if (matching && !vectors)
    throw new Error(`PromQL: ${matching.kind} (…) needs instant vectors on both sides of ${op}`);
}
