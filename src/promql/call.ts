// Function calls: `call('max_over_time', [range(x, '10m')])` is `max_over_time(x[10m])`. The function must be one
// every supported ruler has (functions.ts) and its arguments of the types it takes.
import type { ArgumentLayout, Call, Expr } from './expr.ts';
import { argumentTypes, FUNCTIONS } from './functions.ts';
import { type Operand, operand, string } from './literal.ts';
import { expectType } from './types.ts';

export function call(name: string, args: readonly Operand[] = [], layout: ArgumentLayout = 'block'): Call {
  const signature = FUNCTIONS.get(name);
  if (signature === undefined) throw new Error(`PromQL: ${name}() is not a function every supported ruler has`);
  const exprs = args.map(operand);
  const types = argumentTypes(name, signature, exprs.length);
  for (const [i, arg] of exprs.entries()) expectType(arg, [types[i]!], `argument ${i + 1} of ${name}()`);
  return { kind: 'call', name, args: exprs, layout };
}

/**
 * `label_replace(expr, "target", "replacement", "source", "regex")`: `target` set to `replacement` (with `$1`… from
 * `regex`'s groups) where the source label matches; with no source and regex, set on every series.
 */
export function labelReplace(expr: Expr, target: string, replacement: string, source = '', regex = ''): Call {
  return call('label_replace', [expr, string(target), string(replacement), string(source), string(regex)]);
}
