// The one printer of PromQL trees. Parentheses come from two rules only, and never twice around one operand:
// - precedence (precedence.ts): exactly where the engines would otherwise read another tree;
// - layout: a 'lines' binary operation that is an operand (of a binary operation or unary minus) stands in a
//   parenthesised block, and so does every operand of a 'lines' binary operation that spans lines. Parentheses
//   around a whole operand never change what it means.
// Paren nodes print as they are. A parenthesised expression that spans lines is a block: `(`, the expression indented
// by two spaces, `)`. Arguments of calls and aggregations follow their ArgumentLayout.
import type { Aggregation, ArgumentLayout, Binary, Expr, Selector } from './expr.ts';
import { isLinesBinary, spansLines } from './layout.ts';
import { negatedNeedsParens, operandNeedsParens, subqueriedNeedsParens } from './precedence.ts';
import { quote } from './quote.ts';

/** The expression as PromQL text, on as many lines as its layout asks for. */
export function print(expr: Expr): string {
  return render(expr).join('\n');
}

/** Printed lines; never empty. */
type Lines = readonly string[];

function render(expr: Expr): Lines {
  switch (expr.kind) {
    case 'selector':
      return [selectorText(expr)];
    case 'range':
      return [`${selectorText(expr.selector)}[${expr.range}]`];
    case 'subquery':
      return join(operand(expr.expr, subqueriedNeedsParens(expr.expr)), `[${expr.range}:${expr.step ?? ''}]`);
    case 'offset':
      return join(render(expr.expr), ` offset ${expr.offset}`);
    case 'number':
      return [numberText(expr.value)];
    case 'string':
      return [quote(expr.value)];
    case 'call':
      return argumentList(expr.name, expr.args, expr.layout);
    case 'aggregation':
      return argumentList(aggregationHead(expr), expr.param ? [expr.param, expr.expr] : [expr.expr], expr.layout);
    case 'paren':
      return parenthesised(expr.expr);
    case 'negation':
      return join(['-'], '', operand(expr.expr, negatedNeedsParens(expr.expr) || isLinesBinary(expr.expr)));
    case 'binary':
      return binary(expr);
  }
}

function binary(expr: Binary): Lines {
  const side = (which: 'left' | 'right') => {
    const child = expr[which];
    // A paren node brings its own parentheses; a block around it would double them.
    const block = child.kind !== 'paren' && spansLines(child) && (expr.layout === 'lines' || isLinesBinary(child));
    return operand(child, operandNeedsParens(expr, which) || block);
  };
  const [left, right] = [side('left'), side('right')];
  const op = operatorText(expr);
  return expr.layout === 'lines' ? [...left, op, ...right] : join(left, ` ${op} `, right);
}

function operatorText({ op, bool, matching }: Binary): string {
  const parts: string[] = [op];
  if (bool) parts.push('bool');
  if (matching) {
    parts.push(`${matching.kind} ${labelList(matching.labels)}`);
    if (matching.group) parts.push(`group_${matching.group.side} ${labelList(matching.group.labels)}`);
  }
  return parts.join(' ');
}

function aggregationHead({ op, grouping }: Aggregation): string {
  return grouping ? `${op} ${grouping.kind} ${labelList(grouping.labels)} ` : op;
}

/**
 * `head(arguments)`. On one line when the layout is inline or no argument spans lines; otherwise the arguments
 * indented between `head(` and `)`, a multi-line one on lines of its own, one-line neighbours sharing a line.
 */
function argumentList(head: string, args: readonly Expr[], layout: ArgumentLayout): Lines {
  if (layout === 'inline' || !args.some(spansLines)) {
    const joined = args.reduce<Lines>((lines, arg, i) => join(lines, i === 0 ? '' : ', ', render(arg)), [`${head}(`]);
    return join(joined, ')');
  }
  const groups: string[][] = [];
  let previousOneLine = false;
  for (const arg of args) {
    const oneLine = !spansLines(arg);
    const lines = render(arg);
    const last = groups.at(-1);
    if (oneLine && previousOneLine && last) last[last.length - 1] += `, ${lines[0]}`;
    else groups.push([...lines]);
    previousOneLine = oneLine;
  }
  const body = groups.flatMap((lines, i) => (i < groups.length - 1 ? join(lines, ',') : lines));
  return [`${head}(`, ...indent(body), ')'];
}

function operand(expr: Expr, parenthesise: boolean): Lines {
  return parenthesise ? parenthesised(expr) : render(expr);
}

function parenthesised(expr: Expr): Lines {
  const lines = render(expr);
  return spansLines(expr) ? ['(', ...indent(lines), ')'] : [`(${lines[0]})`];
}

function selectorText({ metric, matchers }: Selector): string {
  if (matchers.length === 0) return metric!;
  const list = matchers.map(({ label, op, value }) => `${label}${op}${quote(value)}`).join(', ');
  return `${metric ?? ''}{${list}}`;
}

function labelList(labels: readonly string[]): string {
  return `(${labels.join(', ')})`;
}

/** A number as Go reads it back to the same float64 (JavaScript's shortest round-trip form; Inf and NaN by name). */
function numberText(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return 'Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  if (Object.is(value, -0)) return '-0';
  return String(value);
}

/** `a` and `b` as one text: the last line of `a`, `separator` and the first line of `b` on one line. */
function join(a: Lines, separator: string, b: Lines = ['']): Lines {
  return [...a.slice(0, -1), `${a.at(-1)}${separator}${b[0]}`, ...b.slice(1)];
}

function indent(lines: readonly string[]): string[] {
  return lines.map((line) => `  ${line}`);
}
