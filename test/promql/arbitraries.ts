// Random PromQL trees for the printer's properties: well-typed (every tree is one the engines accept), every layout
// choice, operators nested in every position, names that are PromQL keywords where PromQL allows them, any string
// in label values and string arguments, every function of src/promql/functions.ts with the argument types it takes.
import fc from 'fast-check';
import * as q from '../../src/promql/index.ts';
import type { Expr, ValueType } from '../../src/promql/index.ts';
import { FUNCTIONS } from '../../src/promql/functions.ts';

// Function names and keywords among them: PromQL reads them as metric or label names where they stand.
const METRICS = ['up', 'x', 'node:memory:ratio', '_a1', 'rate', 'time', 'vector', 'by_namespace'];
/** Label names allowed in label lists and matchers alike. */
const LABELS = ['namespace', 'pod', 'le', '_x', 'a1', 'on', 'by', 'group', 'bool', 'offset', 'sum', 'group_left'];
/** Names PromQL takes in matchers but not in label lists. */
const MATCHER_ONLY_LABELS = ['without', 'inf', 'nan'];
const REGEXES = ['.*', 'a|b', 'web-.*', '(.*)', '[a-z]+', '', 'x\\.y', 'é+'];
const DURATIONS = ['30s', '5m', '1h', '1h30m', '2d', '1w', '500ms', '1y2w3d4h5m6s7ms'];
const AGGREGATIONS: q.AggregationOp[] = ['sum', 'avg', 'min', 'max', 'count', 'group', 'stddev', 'stdvar'];
const ARITHMETIC: q.ArithmeticOp[] = ['+', '-', '*', '/', '%', '^', 'atan2'];
const COMPARISONS: q.ComparisonOp[] = ['==', '!=', '>', '<', '>=', '<='];
const SET_OPS: q.SetOp[] = ['and', 'or', 'unless'];

/** Any string, control characters and PromQL's own quote and escape characters often among them. */
export const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({
    unit: fc.constantFrom('\\', '"', "'", '`', '\n', '\r', '\t', '\x00', '\x7f', '$', 'é', '😀'),
    maxLength: 6,
  }),
);

const labelList = fc.uniqueArray(fc.constantFrom(...LABELS), { maxLength: 3 });
const duration = fc.constantFrom(...DURATIONS);
const argumentLayout = fc.constantFrom<q.ArgumentLayout>('block', 'inline');
const binaryLayout = fc.constantFrom<q.BinaryLayout>('inline', 'lines');

const matcher = fc
  .oneof(
    fc.tuple(
      fc.constantFrom(...LABELS, ...MATCHER_ONLY_LABELS),
      fc.constantFrom('=', '!=') as fc.Arbitrary<'=' | '!='>,
      anyString,
    ),
    fc.tuple(
      fc.constantFrom(...LABELS),
      fc.constantFrom('=~', '!~') as fc.Arbitrary<'=~' | '!~'>,
      fc.constantFrom(...REGEXES),
    ),
  )
  .map(([label, op, value]) => q.matcher(label, op, value));

const selector = fc
  .tuple(fc.option(fc.constantFrom(...METRICS), { nil: undefined }), fc.array(matcher, { maxLength: 3 }))
  .map(([metric, matchers]) =>
    // Without a metric name Prometheus wants a matcher the empty value fails.
    metric === undefined ? q.selector(undefined, ...matchers, q.eq('job', 'x')) : q.selector(metric, ...matchers),
  );

const number = fc
  .oneof(fc.integer({ min: -3, max: 1000 }), fc.double(), fc.constantFrom(0.85, 1e21, 5e-324, -0))
  .map(q.number);

const stringLiteral = anyString.map(q.string);

/** A tree of each value type, `depth` levels deep at most; with `parens`, parentheses nodes here and there. */
interface Trees {
  vector: fc.Arbitrary<Expr>;
  scalar: fc.Arbitrary<Expr>;
}

function trees(options: { parens: boolean; depth?: number }): Trees {
  const depth = options.depth ?? 6;
  const vector: fc.Memo<Expr> = fc.memo((n) => (n <= 1 ? vectorLeaf : vectorNode(n)));
  const scalar: fc.Memo<Expr> = fc.memo((n) => (n <= 1 ? number : scalarNode(n)));
  const rangeVector: fc.Memo<Expr> = fc.memo((n) => rangeNode(n));
  const vectorLeaf = fc.oneof(
    selector,
    fc.tuple(selector, duration).map(([s, d]) => q.offset(s, d)),
  );

  const ofType = (type: ValueType, n: number): fc.Arbitrary<Expr> =>
    type === 'instant vector'
      ? vector(n)
      : type === 'scalar'
        ? scalar(n)
        : type === 'range vector'
          ? rangeVector(n)
          : stringLiteral;

  const call = (returns: ValueType, n: number) => {
    const names = [...FUNCTIONS].filter(([, signature]) => signature.returns === returns).map(([name]) => name);
    return fc.constantFrom(...names).chain((name) => {
      const { args, variadic } = FUNCTIONS.get(name)!;
      const least = variadic === 0 ? args.length : args.length - 1;
      const most = variadic === 0 ? least : variadic < 0 ? least + 3 : args.length - 1 + variadic;
      return fc
        .integer({ min: least, max: most })
        .chain((count) =>
          fc
            .tuple(
              fc.tuple(...Array.from({ length: count }, (_, i) => ofType(args[Math.min(i, args.length - 1)]!, n - 1))),
              argumentLayout,
            )
            .map(([exprs, layout]) => q.call(name, exprs, layout)),
        );
    });
  };

  const aggregation = (n: number) =>
    fc
      .oneof(
        fc.tuple(fc.constantFrom(...AGGREGATIONS), fc.constant(undefined)),
        fc.tuple(fc.constantFrom<q.AggregationOp>('topk', 'bottomk', 'quantile'), scalar(n - 1)),
        fc.tuple(fc.constant<q.AggregationOp>('count_values'), fc.constantFrom(...LABELS).map(q.string)),
      )
      .chain(([op, param]) =>
        fc.record({
          op: fc.constant(op),
          param: fc.constant(param),
          grouping: fc.option(
            fc.tuple(fc.boolean(), labelList).map(([isBy, l]) => (isBy ? q.by(l) : q.without(l))),
            {
              nil: undefined,
            },
          ),
          expr: vector(n - 1),
          layout: argumentLayout,
        }),
      )
      .map(({ op, ...options }) => q.aggregate(op, options.expr, options));

  /** Operands of the given types with an operator PromQL allows between them. */
  const binary = (left: fc.Arbitrary<Expr>, right: fc.Arbitrary<Expr>, vectors: boolean, scalars: boolean) =>
    fc
      .record({
        left,
        right,
        op: fc.constantFrom<q.BinaryOp>(...ARITHMETIC, ...COMPARISONS, ...(vectors ? SET_OPS : [])),
        bool: fc.boolean(),
        layout: binaryLayout,
        matching: vectors ? fc.option(matchingModifiers, { nil: undefined }) : fc.constant(undefined),
      })
      .map(({ left: l, right: r, op, bool, layout, matching }) => {
        const comparison = (COMPARISONS as string[]).includes(op);
        const setOp = (SET_OPS as string[]).includes(op);
        const modifiers: q.BinaryModifier[] = [layout];
        if (comparison && (bool || scalars)) modifiers.push('bool');
        if (matching) modifiers.push(...(setOp ? matching.slice(0, 1) : matching));
        return q.binary(l, op, r, ...modifiers);
      });

  const withParens = (arb: fc.Arbitrary<Expr>) =>
    options.parens ? fc.oneof({ weight: 9, arbitrary: arb }, { weight: 1, arbitrary: arb.map(q.paren) }) : arb;

  function vectorNode(n: number): fc.Arbitrary<Expr> {
    const sub = vector(n - 1);
    return withParens(
      fc.oneof(
        { weight: 2, arbitrary: vectorLeaf },
        { weight: 2, arbitrary: call('instant vector', n) },
        { weight: 2, arbitrary: aggregation(n) },
        { weight: 4, arbitrary: binary(sub, sub, true, false) },
        { weight: 1, arbitrary: binary(sub, scalar(n - 1), false, false) },
        { weight: 1, arbitrary: binary(scalar(n - 1), sub, false, false) },
        { weight: 1, arbitrary: sub.map(q.negate) },
      ),
    );
  }

  function scalarNode(n: number): fc.Arbitrary<Expr> {
    const sub = scalar(n - 1);
    return withParens(
      fc.oneof(
        { weight: 3, arbitrary: number },
        { weight: 1, arbitrary: call('scalar', n) },
        { weight: 3, arbitrary: binary(sub, sub, false, true) },
        { weight: 1, arbitrary: sub.map(q.negate) },
      ),
    );
  }

  function rangeNode(n: number): fc.Arbitrary<Expr> {
    const subquery = fc
      .tuple(vector(n - 1), duration, fc.option(duration, { nil: undefined }))
      .map(([e, r, s]) => q.subquery(e, r, s));
    const range = fc.tuple(selector, duration).map(([s, d]) => q.range(s, d));
    return fc.oneof(
      range,
      subquery,
      fc.tuple(fc.oneof(range, subquery), duration).map(([e, d]) => q.offset(e as q.RangeSelector | q.Subquery, d)),
    );
  }

  return { vector: vector(depth), scalar: scalar(depth) };
}

/** on/ignoring with an optional group_left/right whose labels differ from on's. */
const matchingModifiers = fc
  .tuple(fc.boolean(), labelList, fc.option(fc.tuple(fc.boolean(), labelList), { nil: undefined }))
  .map(([isOn, labels, group]): q.BinaryModifier[] => {
    const modifiers: q.BinaryModifier[] = [isOn ? q.on(labels) : q.ignoring(labels)];
    if (group) {
      const [left, groupLabels] = group;
      const allowed = groupLabels.filter((label) => !isOn || !labels.includes(label));
      modifiers.push(left ? q.groupLeft(allowed) : q.groupRight(allowed));
    }
    return modifiers;
  });

/** Trees of either value type a rule's expression may have. */
export function ruleTrees(options: { parens: boolean; depth?: number }): fc.Arbitrary<Expr> {
  const { vector, scalar } = trees(options);
  return fc.oneof({ weight: 4, arbitrary: vector }, { weight: 1, arbitrary: scalar });
}
