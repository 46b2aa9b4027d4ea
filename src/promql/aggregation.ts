// Aggregations: `sum(by(['namespace']), x)` is `sum by (namespace) (x)`, `topk(by(['node']), 1, x)` is
// `topk by (node) (1, x)`, `group(without([]), x)` is `group without () (x)`, `max(x)` is `max(x)`;
// `aggregate('count_values', x, { param: string('value') })` is `count_values("value", x)`.
import type { AggregationOp, Aggregation, ArgumentLayout, Expr, Grouping } from './expr.ts';
import { type Operand, operand } from './literal.ts';
import { checkLabelList } from './names.ts';
import { expectType } from './types.ts';

export function by(labels: readonly string[]): Grouping {
  return { kind: 'by', labels: checkLabelList(labels) };
}

/** `without (labels)`: aggregates over the listed labels, keeping the others; `without ()` keeps them all. */
export function without(labels: readonly string[]): Grouping {
  return { kind: 'without', labels: checkLabelList(labels) };
}

const PARAM_TYPE: Partial<Record<AggregationOp, 'scalar' | 'string'>> = {
  topk: 'scalar',
  bottomk: 'scalar',
  quantile: 'scalar',
  count_values: 'string',
};

export function aggregate(
  op: AggregationOp,
  expr: Expr,
  options: { grouping?: Grouping; param?: Expr; layout?: ArgumentLayout } = {},
): Aggregation {
  const { grouping, param, layout = 'block' } = options;
  const paramType = PARAM_TYPE[op];
  if ((paramType === undefined) !== (param === undefined))
    throw new Error(`PromQL: ${op} ${paramType ? `takes a ${paramType} parameter` : 'takes no parameter'}`);
  if (param && paramType) expectType(param, [paramType], `the parameter of ${op}`);
  expectType(expr, ['instant vector'], `what ${op} aggregates`);
  return { kind: 'aggregation', op, grouping, param, expr, layout };
}

type Plain = { (expr: Expr): Aggregation; (grouping: Grouping, expr: Expr): Aggregation };
type WithParam<P> = { (param: P, expr: Expr): Aggregation; (grouping: Grouping, param: P, expr: Expr): Aggregation };

function isGrouping(value: unknown): value is Grouping {
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'by' || kind === 'without';
}

function plain(op: AggregationOp): Plain {
  return ((first: Grouping | Expr, second?: Expr) =>
    isGrouping(first) ? aggregate(op, second!, { grouping: first }) : aggregate(op, first)) as Plain;
}

function withParam<P>(op: AggregationOp, lift: (param: P) => Expr): WithParam<P> {
  return ((first: Grouping | P, second: P | Expr, third?: Expr) =>
    isGrouping(first)
      ? aggregate(op, third!, { grouping: first, param: lift(second as P) })
      : aggregate(op, second as Expr, { param: lift(first) })) as WithParam<P>;
}

// Shorthands for the aggregations headroom uses; aggregate() builds the others (avg, quantile, count_values, …).
export const sum = plain('sum');
export const min = plain('min');
export const max = plain('max');
export const count = plain('count');
export const group = plain('group');
export const topk = withParam<Operand>('topk', operand);
