// The PromQL functions every ruler headroom supports has without feature flags (Prometheus 2.42 and 3.5, and so Thanos
// and Mimir; vmalert's MetricsQL, 1.79 and current: no native-histogram functions), with their argument and result
// types as Prometheus declares them: call() checks a call against them, so a misspelt function or a wrong argument
// fails when the rule is built.
import type { ValueType } from './expr.ts';

interface Signature {
  readonly args: readonly ValueType[];
  /** As Prometheus counts it: 0, exactly `args`; n > 0, the last argument 0 to n times; -1, any number of times. */
  readonly variadic: number;
  readonly returns: ValueType;
}

const V = 'instant vector';
const M = 'range vector';
const S = 'scalar';
const STR = 'string';

const of = (args: readonly ValueType[], returns: ValueType, variadic = 0): Signature => ({ args, variadic, returns });

const ON_VECTOR = [
  'abs',
  'absent',
  'acos',
  'acosh',
  'asin',
  'asinh',
  'atan',
  'atanh',
  'ceil',
  'cos',
  'cosh',
  'deg',
  'exp',
  'floor',
  'ln',
  'log10',
  'log2',
  'rad',
  'sgn',
  'sin',
  'sinh',
  'sort',
  'sort_desc',
  'sqrt',
  'tan',
  'tanh',
  'timestamp',
] as const;

const OVER_TIME = [
  'absent_over_time',
  'avg_over_time',
  'changes',
  'count_over_time',
  'delta',
  'deriv',
  'idelta',
  'increase',
  'irate',
  'last_over_time',
  'max_over_time',
  'min_over_time',
  'present_over_time',
  'rate',
  'resets',
  'stddev_over_time',
  'stdvar_over_time',
  'sum_over_time',
] as const;

/** The time-of-sample functions: of `vector(time())` without an argument. */
const CALENDAR = ['day_of_month', 'day_of_week', 'day_of_year', 'days_in_month', 'hour', 'minute', 'month', 'year'];

export const FUNCTIONS: ReadonlyMap<string, Signature> = new Map([
  ...ON_VECTOR.map((name): [string, Signature] => [name, of([V], V)]),
  ...OVER_TIME.map((name): [string, Signature] => [name, of([M], V)]),
  ...CALENDAR.map((name): [string, Signature] => [name, of([V], V, 1)]),
  ['clamp', of([V, S, S], V)],
  ['clamp_max', of([V, S], V)],
  ['clamp_min', of([V, S], V)],
  ['histogram_quantile', of([S, V], V)],
  ['label_join', of([V, STR, STR, STR], V, -1)],
  ['label_replace', of([V, STR, STR, STR, STR], V)],
  ['pi', of([], S)],
  ['predict_linear', of([M, S], V)],
  ['quantile_over_time', of([S, M], V)],
  ['round', of([V, S], V, 1)],
  ['scalar', of([V], S)],
  ['time', of([], S)],
  ['vector', of([S], V)],
]);

/** The type each argument of a call with `count` arguments must have, or why there cannot be that many. */
export function argumentTypes(name: string, signature: Signature, count: number): ValueType[] {
  const { args, variadic } = signature;
  const least = variadic === 0 ? args.length : args.length - 1;
  const most = variadic === 0 ? args.length : variadic < 0 ? Number.POSITIVE_INFINITY : args.length - 1 + variadic;
  if (count < least || count > most) {
    const wanted = least === most ? `${least}` : most === Number.POSITIVE_INFINITY ? `${least}+` : `${least}–${most}`;
    throw new Error(`PromQL: ${name}() takes ${wanted} argument(s), not ${count}`);
  }
  return Array.from({ length: count }, (_, i) => args[Math.min(i, args.length - 1)]!);
}
