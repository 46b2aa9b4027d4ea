// Small builders for the PromQL headroom emits. Each returns text that parses on its own, so pieces nest safely;
// multi-line results are indented for the reviewer who reads them in a diff.

/** A PromQL string literal. */
function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `metric{...}` from configured matcher text (e.g. `job="kubelet"`) and extra matchers; empty parts dropped. */
export function series(metric: string, ...matchers: (string | undefined)[]): string {
  const parts = matchers.filter((part): part is string => Boolean(part?.trim()));
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
  return inner.includes('\n')
    ? `${aggregation} by ${by(labels)} (\n${indent(inner)}\n)`
    : `${aggregation} by ${by(labels)} (${inner})`;
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

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n');
}

/** `prefix (inner)`, on one line when `inner` is: a function or an aggregation without `by`. */
export function wrap(prefix: string, inner: string): string {
  return inner.includes('\n') ? `${prefix} (\n${indent(inner)}\n)` : `${prefix} (${inner})`;
}

/** label_replace(expr, target, replacement, source, regex), the arguments after `expr` on one line. */
export function labelReplace(expr: string, target: string, replacement: string, source = '', regex = ''): string {
  const args = [target, replacement, source, regex].map(quote).join(', ');
  return expr.includes('\n') ? `label_replace(\n${indent(expr)},\n  ${args}\n)` : `label_replace(${expr}, ${args})`;
}

/**
 * `parts` joined by `operator` (a set operator: or, or on (…)) as a balanced tree: each operation copies the series of
 * its operands, so a chain of n operations costs n² and a balanced tree n·log n. Left-to-right precedence is kept: set
 * union with `or` is associative.
 */
export function balanced(parts: readonly string[], operator: string): string {
  if (parts.length === 0) throw new Error('balanced: no operands');
  if (parts.length === 1) return parts[0]!;
  const middle = Math.ceil(parts.length / 2);
  return binary(balanced(parts.slice(0, middle), operator), operator, balanced(parts.slice(middle), operator));
}
