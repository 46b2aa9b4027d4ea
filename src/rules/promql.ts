// Small builders for the PromQL headroom emits. Each returns text that parses on its own, so pieces nest safely;
// multi-line results are indented for the reviewer who reads them in a diff.

/** A PromQL string literal. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `metric{...}` from configured matcher text (e.g. `job="kubelet"`) and extra matchers; empty parts dropped. */
export function series(metric: string, ...matchers: (string | undefined)[]): string {
  const parts = matchers.filter((part): part is string => Boolean(part && part.trim()));
  return parts.length === 0 ? metric : `${metric}{${parts.join(', ')}}`;
}

export function matcher(label: string, op: '=' | '!=' | '=~' | '!~', value: string): string {
  return `${label}${op}${quote(value)}`;
}

export function by(labels: readonly string[]): string {
  return `(${labels.join(', ')})`;
}

/** `aggregation by (labels) (inner)`, on one line when short. */
export function aggregate(aggregation: string, labels: readonly string[], inner: string): string {
  return inner.includes('\n') ? `${aggregation} by ${by(labels)} (\n${indent(inner)}\n)` : `${aggregation} by ${by(labels)} (${inner})`;
}

/**
 * A binary operation with its operands on their own lines, each in parentheses when it spans lines. An operand on
 * one line is used as it is: a one-line binary operand must bring its own parentheses.
 */
export function binary(left: string, operator: string, right: string): string {
  return `${group(left)}\n${operator}\n${group(right)}`;
}

/** Parenthesises an expression that spans lines, so it nests under any operator. */
export function group(expr: string): string {
  return expr.includes('\n') ? `(\n${indent(expr)}\n)` : expr;
}

export function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n');
}
