// An expression as it evaluated some time earlier (later, for a negative time): every selector, range and subquery
// read that much further back (their offsets added up), and time() that much smaller. What a rule reads of a series
// another group recorded is that group's last result, evaluated up to an interval before (inline-recordings.ts).
// Subqueries keep their steps on the grid of their step, as the engines align them.
import { binary, type Expr, offset } from '../promql/index.ts';
import { durationMs } from '../values/duration.ts';

export function evaluatedEarlier(expr: Expr, ms: number): Expr {
  if (ms === 0) return expr;
  switch (expr.kind) {
    case 'selector':
    case 'range':
    case 'subquery':
      return offset(expr, durationText(ms));
    case 'offset': {
      const total = signedMs(expr.offset) + ms;
      return total === 0 ? expr.expr : offset(expr.expr, durationText(total));
    }
    case 'call':
      if (expr.name === 'time') return binary(expr, '-', ms / 1000);
      return { ...expr, args: expr.args.map((arg) => evaluatedEarlier(arg, ms)) };
    case 'aggregation':
      return {
        ...expr,
        expr: evaluatedEarlier(expr.expr, ms),
        param: expr.param === undefined ? undefined : evaluatedEarlier(expr.param, ms),
      };
    case 'binary':
      return { ...expr, left: evaluatedEarlier(expr.left, ms), right: evaluatedEarlier(expr.right, ms) };
    case 'negation':
    case 'paren':
      return { ...expr, expr: evaluatedEarlier(expr.expr, ms) };
    case 'number':
    case 'string':
      return expr;
  }
}

const UNITS: [string, number][] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
  ['ms', 1],
];

/** A duration as an offset carries it, maybe negative, in milliseconds. */
function signedMs(duration: string): number {
  return duration.startsWith('-') ? -durationMs(duration.slice(1)) : durationMs(duration);
}

/** Milliseconds as a Prometheus duration: `2s500ms`, `1h1m`, `-2s175ms`. */
export function durationText(ms: number): string {
  let left = Math.round(Math.abs(ms));
  let text = ms < 0 ? '-' : '';
  for (const [unit, size] of UNITS) {
    if (left >= size) {
      text += `${Math.floor(left / size)}${unit}`;
      left %= size;
    }
  }
  return text;
}
