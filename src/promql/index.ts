// PromQL as a tree: build expressions with the constructors, print them with print(). Nothing else in headroom writes
// PromQL text. See expr.ts for the nodes and their layout choices, print.ts for the printer's rules.
export type * from './expr.ts';
export { aggregate, by, count, group, max, min, sum, topk, without } from './aggregation.ts';
export { balanced } from './balanced.ts';
export { type BinaryModifier, binary, groupLeft, groupRight, ignoring, on } from './binary.ts';
export { call, labelReplace } from './call.ts';
export { labelReplaceValues } from './label-replace-values.ts';
export { number, type Operand, string } from './literal.ts';
export { negate } from './negation.ts';
export { offset } from './offset.ts';
export { paren } from './paren.ts';
export { parseMatchers } from './parse-matchers.ts';
export { print } from './print.ts';
export { range } from './range.ts';
export { eq, matcher, neq, re, selector } from './selector.ts';
export { subquery } from './subquery.ts';
