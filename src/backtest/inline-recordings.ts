// Recording rules inlined: every selector of a recorded series in an expression replaced by the expressions that
// record it, recursively, so that the expression reads only what exporters write and any store can evaluate it over
// any past range, whether or not headroom's rules ran there. A recorded series is what its rule's expression gives,
// with the rule's labels set over the expression's (an empty value removes the label); several rules may record one
// name (differing by labels such as `window`): a selector reads the union of those its matchers select.
//
// - Matchers on the rule's own labels (and on __name__) pick rules when inlining; the others filter the expression
//   (label-filter.ts).
// - `recorded[10m]` becomes the subquery `(expression)[10m:interval]`: the recorded series has one sample per
//   evaluation, the subquery one value per interval. The engines put a subquery's steps on multiples of its step; the
//   evaluations may fall between them (a ruler's group evaluates at an offset of its own): then the expression reads
//   that much later and the subquery that much earlier (`(expression offset -φ)[10m:interval] offset φ`), so that its
//   steps are the evaluations'.
// - `recorded offset 1h` becomes `last_over_time((expression)[interval:interval] offset 1h)`: the value of the last
//   evaluation an hour back, as the recorded series' last sample then.
// - When: a rule reads what rules before it in its group recorded at the same evaluation, and what any other rule
//   recorded at that rule's last evaluation. A ruler evaluates each group at an offset of its own within the interval,
//   which a store does not tell; a read lags (ReadLag) as the ruler's groups would on average: half an interval from
//   another group (exact for a round trip between two groups, as ownership and the container group make), a whole
//   one from a later rule of the same group. The series read that much earlier is the expression evaluated that much
//   earlier (evaluated-earlier.ts).
// - A rule reading its own series, directly or through others, cannot be inlined: its past is its own output.
import type { Expr, Matcher, Selector, Subquery } from '../promql/index.ts';
import { binary, call, labelReplace, offset, subquery } from '../promql/index.ts';
import { read } from '../promql/read.ts';
import { isAlertingRule, type RuleGroup } from '../rules/rule-types.ts';
import { durationMs } from '../values/duration.ts';
import { durationText, evaluatedEarlier } from './evaluated-earlier.ts';
import { withMatcher } from './label-filter.ts';

/** A recorded series that cannot be replaced by what records it; the message says which and why. */
export class InlineError extends Error {}

/** Where a rule is: its group's index among the groups, its index in the group. */
export interface RulePosition {
  group: number;
  index: number;
}

/** How long before a reader's evaluation the result it reads of a recording rule was evaluated, in milliseconds. */
export type ReadLag = (reader: RulePosition, recorded: RulePosition) => number;

/** A ruler's groups, each at its own unknown offset within `intervalMs` (see above). */
function rulerLag(intervalMs: number): ReadLag {
  return (reader, recorded) =>
    reader.group !== recorded.group ? intervalMs / 2 : recorded.index < reader.index ? 0 : intervalMs;
}

interface Definition {
  record: string;
  labels: Readonly<Record<string, string>>;
  /** The rule's expression as read from its text; inlined on first use. */
  source: string;
  position: RulePosition;
}

/** An expression without recorded series, as the rule at `reader` would read it. */
type Inliner = (expr: Expr, reader: RulePosition) => Expr;

/**
 * Inlines the recording rules of `groups`; `interval` is their evaluation interval (the resolution of a recorded
 * series), `lag` how late a read is (a ruler's groups by default), `phaseMs` where the evaluations fall within the
 * interval (0: on its multiples).
 */
export function recordingInliner(
  groups: readonly RuleGroup[],
  interval: string,
  options: { lag?: ReadLag; phaseMs?: number } = {},
): Inliner {
  const lag = options.lag ?? rulerLag(durationMs(interval));
  const phase = options.phaseMs ?? 0;
  const definitions = new Map<string, Definition[]>();
  for (const [group, { rules }] of groups.entries()) {
    for (const [index, rule] of rules.entries()) {
      if (isAlertingRule(rule)) continue;
      const list = definitions.get(rule.record) ?? [];
      list.push({ record: rule.record, labels: rule.labels ?? {}, source: rule.expr, position: { group, index } });
      definitions.set(rule.record, list);
    }
  }
  const inlined = new Map<Definition, Expr>();
  /** The records being inlined, outermost first: one met again is a cycle. */
  const reading: string[] = [];

  const definitionExpr = (definition: Definition): Expr => {
    const done = inlined.get(definition);
    if (done !== undefined) return done;
    if (reading.includes(definition.record))
      throw new InlineError(
        `${definition.record} reads its own series ` +
          `(${[...reading.slice(reading.indexOf(definition.record)), definition.record].join(' → ')})`,
      );
    reading.push(definition.record);
    try {
      const expr = Object.entries(definition.labels).reduce<Expr>(
        (result, [label, value]) => labelReplace(result, label, value),
        inline(read(definition.source), definition.position),
      );
      inlined.set(definition, expr);
      return expr;
    } finally {
      reading.pop();
    }
  };

  /** What `selector` of a recorded series selects when `reader` reads it, as one instant vector expression. */
  const recorded = (selector: Selector, record: string, reader: RulePosition): Expr => {
    const chosen: Expr[] = [];
    for (const definition of definitions.get(record)!) {
      const dynamic: Matcher[] = [];
      let selected = true;
      for (const matcher of selector.matchers) {
        if (matcher.label === '__name__') selected &&= matches(matcher, record);
        else if (matcher.label in definition.labels) selected &&= matches(matcher, definition.labels[matcher.label]!);
        else dynamic.push(matcher);
      }
      if (!selected) continue;
      const earlier = evaluatedEarlier(definitionExpr(definition), lag(reader, definition.position));
      chosen.push(dynamic.reduce(withMatcher, earlier));
    }
    if (chosen.length === 0) return nothing();
    return chosen.reduce((union, next) => binary(union, 'or', next));
  };

  const recordOf = (selector: Selector): string | undefined => {
    if (selector.metric !== undefined) return definitions.has(selector.metric) ? selector.metric : undefined;
    const names = selector.matchers.filter((matcher) => matcher.label === '__name__');
    if (names.length === 0) return undefined;
    const hit = [...definitions.keys()].find((record) => names.every((matcher) => matches(matcher, record)));
    if (hit !== undefined)
      throw new InlineError(`a selector by __name__ matchers may read the recorded series ${hit}: name it`);
    return undefined;
  };

  /** `(series)[range:interval]` with its steps on the evaluations, read `offsetMs` earlier. */
  const onEvaluations = (series: Expr, range: string, offsetMs = 0): Expr => {
    const steps = subquery(evaluatedEarlier(series, -phase), range, interval);
    return phase + offsetMs === 0 ? steps : offset(steps, durationText(phase + offsetMs));
  };

  const inline = (expr: Expr, reader: RulePosition): Expr => {
    const inner = (child: Expr) => inline(child, reader);
    switch (expr.kind) {
      case 'selector': {
        const record = recordOf(expr);
        return record === undefined ? expr : recorded(expr, record, reader);
      }
      case 'range': {
        const record = recordOf(expr.selector);
        return record === undefined ? expr : onEvaluations(recorded(expr.selector, record, reader), expr.range);
      }
      case 'offset': {
        const target = expr.expr;
        const ms = durationMs(expr.offset);
        if (target.kind === 'selector') {
          const record = recordOf(target);
          if (record === undefined) return expr;
          return call('last_over_time', [onEvaluations(recorded(target, record, reader), interval, ms)]);
        }
        if (target.kind === 'range') {
          const record = recordOf(target.selector);
          if (record === undefined) return expr;
          return onEvaluations(recorded(target.selector, record, reader), target.range, ms);
        }
        return offset(inner(target) as Subquery, expr.offset);
      }
      case 'subquery':
        return subquery(inner(expr.expr), expr.range, expr.step);
      case 'call':
        return { ...expr, args: expr.args.map(inner) };
      case 'aggregation':
        return { ...expr, expr: inner(expr.expr), param: expr.param === undefined ? undefined : inner(expr.param) };
      case 'binary':
        return { ...expr, left: inner(expr.left), right: inner(expr.right) };
      case 'negation':
      case 'paren':
        return { ...expr, expr: inner(expr.expr) };
      case 'number':
      case 'string':
        return expr;
    }
  };

  return inline;
}

/** Whether a label's value (empty: absent) satisfies a matcher; PromQL anchors regular expressions. */
function matches(matcher: Matcher, value: string): boolean {
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return new RegExp(`^(?:${matcher.value})$`, 'su').test(value);
    case '!~':
      return !new RegExp(`^(?:${matcher.value})$`, 'su').test(value);
  }
}

/** An instant vector without series: what a selector matching no recording rule reads. */
function nothing(): Expr {
  return binary(call('vector', [1]), 'unless', call('vector', [1]));
}
