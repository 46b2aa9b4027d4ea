// The PromQL expression tree: one node type per construct, plain immutable data built by the constructors beside this
// file (which check names, durations and value types) and turned into text by print.ts alone. How a node spans lines
// is a field of the nodes that have a choice (`layout`), so the printer never decides from text.

/** A Prometheus duration: units from years down to milliseconds, largest first (`1h30m`, `10m`, `500ms`). */
export type Duration = string;

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  readonly label: string;
  readonly op: MatchOp;
  readonly value: string;
}

/** `metric{label="value", …}`: a metric name, matchers, or both. */
export interface Selector {
  readonly kind: 'selector';
  readonly metric: string | undefined;
  readonly matchers: readonly Matcher[];
}

/** `selector[range]`. */
export interface RangeSelector {
  readonly kind: 'range';
  readonly selector: Selector;
  readonly range: Duration;
}

/** `expr[range:step]` (`expr[range:]` without a step). */
export interface Subquery {
  readonly kind: 'subquery';
  readonly expr: Expr;
  readonly range: Duration;
  readonly step: Duration | undefined;
}

/** `target offset duration`: PromQL allows an offset only on a selector, a range selector or a subquery. */
export interface Offset {
  readonly kind: 'offset';
  readonly expr: Selector | RangeSelector | Subquery;
  readonly offset: Duration;
}

export interface NumberLiteral {
  readonly kind: 'number';
  readonly value: number;
}

export interface StringLiteral {
  readonly kind: 'string';
  readonly value: string;
}

/**
 * How a function's or an aggregation's arguments are laid out. `block`: on the call's line when every argument is on
 * one line, else each argument indented on lines of its own (one-line neighbours share a line). `inline`: always on
 * the call's line, a multi-line argument included as it is.
 */
export type ArgumentLayout = 'block' | 'inline';

export interface Call {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly Expr[];
  readonly layout: ArgumentLayout;
}

export type AggregationOp =
  | 'sum'
  | 'avg'
  | 'min'
  | 'max'
  | 'count'
  | 'group'
  | 'stddev'
  | 'stdvar'
  | 'topk'
  | 'bottomk'
  | 'quantile'
  | 'count_values';

/** `by (labels)` or `without (labels)`; `without ()` keeps every label. */
export interface Grouping {
  readonly kind: 'by' | 'without';
  readonly labels: readonly string[];
}

/** `op by (labels) (param, expr)`: the parameter of topk, bottomk, quantile and count_values only. */
export interface Aggregation {
  readonly kind: 'aggregation';
  readonly op: AggregationOp;
  readonly grouping: Grouping | undefined;
  readonly param: Expr | undefined;
  readonly expr: Expr;
  readonly layout: ArgumentLayout;
}

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%' | '^' | 'atan2';
export type ComparisonOp = '==' | '!=' | '>' | '<' | '>=' | '<=';
export type SetOp = 'and' | 'or' | 'unless';
export type BinaryOp = ArithmeticOp | ComparisonOp | SetOp;

/** `on (labels)` / `ignoring (labels)`, with `group_left (labels)` / `group_right (labels)` for many-to-one. */
export interface VectorMatching {
  readonly kind: 'on' | 'ignoring';
  readonly labels: readonly string[];
  readonly group: { readonly side: 'left' | 'right'; readonly labels: readonly string[] } | undefined;
}

/**
 * How a binary operation is laid out. `inline`: `left op right` on one line (a multi-line operand spans lines where it
 * stands). `lines`: the left operand, the operator and the right operand each on lines of their own, an operand that
 * spans lines in parentheses on lines of their own.
 */
export type BinaryLayout = 'inline' | 'lines';

export interface Binary {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  /** `bool`: a comparison that returns 0 or 1 instead of filtering. */
  readonly bool: boolean;
  readonly matching: VectorMatching | undefined;
  readonly layout: BinaryLayout;
}

/** Unary minus. */
export interface Negation {
  readonly kind: 'negation';
  readonly expr: Expr;
}

/** Parentheses the builder asked for; the printer adds the ones precedence needs on its own. */
export interface Paren {
  readonly kind: 'paren';
  readonly expr: Expr;
}

export type Expr =
  | Selector
  | RangeSelector
  | Subquery
  | Offset
  | NumberLiteral
  | StringLiteral
  | Call
  | Aggregation
  | Binary
  | Negation
  | Paren;

/** What an expression evaluates to, as PromQL's type checker names it. */
export type ValueType = 'instant vector' | 'range vector' | 'scalar' | 'string';
