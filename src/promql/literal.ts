// Number and string literals. Constructors that take an operand also take a plain number (`binary(x, '>', 0)`), lifted
// to a number literal here.
import type { Expr, NumberLiteral, StringLiteral } from './expr.ts';
import { quote } from './quote.ts';

/** An expression, or a number that stands for its literal. */
export type Operand = Expr | number;

export function number(value: number): NumberLiteral {
  return { kind: 'number', value };
}

export function string(value: string): StringLiteral {
  quote(value); // refuses now what could not be printed later
  return { kind: 'string', value };
}

export function operand(value: Operand): Expr {
  return typeof value === 'number' ? number(value) : value;
}
