// Reads PromQL text back into trees with the lezer grammar Prometheus' UI uses: the printer's tests read what it
// printed, and backtest reads rule files (its own or a git ref's) to rewrite their expressions. Layouts are read from
// the text too: a binary operation whose operator starts a line is 'lines'; a call whose first argument starts a line
// after `(` is 'block', one whose arguments follow `(` on its line 'inline' (the two print alike when no argument
// spans lines: such calls read as 'block').
//
// lezer's grammar (made for highlighting) groups two constructs differently from the engines' parser:
// - a postfix `offset`, `[range]` or `[range:step]` binds to the operand right before it (`a + b offset 1h * c` is
//   `a + ((b offset 1h) * c)`); lezer applies it to everything before it (`((a + b) offset 1h) * c`);
// - `-2 ^ x` is `-(2 ^ x)` (unary minus binds like `*`, looser than `^`); lezer reads `-2` as one literal.
// So the reader first puts the engines' grouping into the text with parentheses of its own, which it then drops.
import { parser } from '@prometheus-io/lezer-promql';
import type { AggregationOp, BinaryOp, Expr, MatchOp, Selector } from './expr.ts';
import * as q from './index.ts';

type Node = ReturnType<typeof parser.parse>['topNode'];

/** Text that is no PromQL the reader knows. */
export class ReadError extends Error {}

/** The tree of `text`; throws a ReadError where lezer finds a syntax error, or an Error where a constructor refuses. */
export function read(text: string): Expr {
  const grouped = engineGrouping(text);
  return new Reader(grouped.text, new Set(grouped.own)).expr(exprChildren(parse(grouped.text))[0]!);
}

/**
 * Every vector selector of `text` (in range selectors too), as written: what series it reads. Only the selectors are
 * read, so it is cheaper than read() where a caller asks which recorded series a rule reads.
 */
export function selectorsOf(text: string): Selector[] {
  const selectors: Selector[] = [];
  parser.parse(text).iterate({
    enter: (node) => {
      if (node.type.isError) throw new ReadError(`syntax error at ${node.from} in:\n${text}`);
      if (node.name !== 'VectorSelector') return;
      selectors.push(selectorNode(node.node, (child) => text.slice(child.from, child.to)));
      return false;
    },
  });
  return selectors;
}

/** `text` with the engines' grouping made explicit by parentheses of the reader's own, which open at `own`. */
export function engineGrouping(text: string): Grouped {
  syntaxCheck(text);
  return regroup(regroup({ text, own: [] }, postfixGroups), negatedPowers);
}

function parse(text: string): Node {
  return parser.parse(text).topNode;
}

function syntaxCheck(text: string): void {
  parser.parse(text).iterate({
    enter: (node) => {
      if (node.type.isError) throw new ReadError(`syntax error at ${node.from} in:\n${text}`);
    },
  });
}

/** Text with parentheses of the reader's own, at the positions `own`. */
interface Grouped {
  text: string;
  own: number[];
}

/** `grouped` with parentheses around the [from, to) spans `spansOf` finds in it. */
function regroup(grouped: Grouped, spansOf: (top: Node, text: string) => [number, number][]): Grouped {
  const spans = spansOf(parse(grouped.text), grouped.text);
  // Opening parentheses of enclosing spans first at one position, closing ones last.
  const inserts = [
    ...spans.map(([from, to]) => ({ at: from, char: '(', order: -to })),
    ...spans.map(([from, to]) => ({ at: to, char: ')', order: -from })),
  ].sort((a, b) => a.at - b.at || (a.char === b.char ? a.order - b.order : a.char === ')' ? -1 : 1));
  let text = '';
  let copied = 0;
  const own: number[] = [];
  const shifted = (position: number) => position + inserts.filter((insert) => insert.at <= position).length;
  for (const insert of inserts) {
    text += grouped.text.slice(copied, insert.at);
    copied = insert.at;
    if (insert.char === '(') own.push(text.length);
    text += insert.char;
  }
  text += grouped.text.slice(copied);
  return { text, own: [...grouped.own.map(shifted), ...own] };
}

const POSTFIX = ['OffsetExpr', 'SubqueryExpr', 'MatrixSelector'];

/** Each postfix with the operand the engines give it, where lezer gave it another. */
function postfixGroups(top: Node): [number, number][] {
  const spans: [number, number][] = [];
  top.toTree().iterate({
    enter: (ref) => {
      if (!POSTFIX.includes(ref.name)) return;
      const operand = exprChildren(ref.node)[0]!;
      const from = operandStart(operand);
      if (from !== operand.from) spans.push([from, ref.to]);
    },
  });
  return spans;
}

/** Where the operand a postfix binds to starts: the last primary expression (with its own postfixes) before it. */
function operandStart(node: Node): number {
  if (node.name === 'BinaryExpr') return operandStart(exprChildren(node)[1]!);
  if (node.name === 'UnaryExpr' || POSTFIX.includes(node.name)) return operandStart(exprChildren(node)[0]!);
  return node.from;
}

/** `-2 ^ x` as `-(2 ^ x)`: a `^` whose left operand lezer read as a negative literal. */
function negatedPowers(top: Node, text: string): [number, number][] {
  const spans: [number, number][] = [];
  top.toTree().iterate({
    enter: (ref) => {
      if (ref.name !== 'BinaryExpr' || !ref.node.getChild('Pow')) return;
      const left = exprChildren(ref.node)[0]!;
      if (left.name === 'NumberDurationLiteral' && text[left.from] === '-') spans.push([left.from + 1, ref.to]);
    },
  });
  return spans;
}

const BINARY_OPS: Record<string, BinaryOp> = {
  Pow: '^',
  Mul: '*',
  Div: '/',
  Mod: '%',
  Atan2: 'atan2',
  Add: '+',
  Sub: '-',
  Eql: '==',
  Neq: '!=',
  Gtr: '>',
  Lss: '<',
  Gte: '>=',
  Lte: '<=',
  And: 'and',
  Unless: 'unless',
  Or: 'or',
};

const MATCH_OPS: Record<string, MatchOp> = { EqlSingle: '=', Neq: '!=', EqlRegex: '=~', NeqRegex: '!~' };

function exprChildren(node: Node): Node[] {
  const found: Node[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.type.is('Expr')) found.push(child);
  return found;
}

class Reader {
  constructor(
    private readonly text: string,
    /** Where the reader's own parentheses open. */
    private readonly own: ReadonlySet<number>,
  ) {}

  private textOf(node: Node): string {
    return this.text.slice(node.from, node.to);
  }

  expr(node: Node): Expr {
    switch (node.name) {
      case 'VectorSelector':
        return this.selector(node);
      case 'MatrixSelector': {
        const [inner] = exprChildren(node);
        const duration = this.textOf(node.getChild('DurationExpr')!);
        return q.range(this.expr(inner!) as Selector, duration);
      }
      case 'SubqueryExpr': {
        const [inner] = exprChildren(node);
        const [range, step] = node.getChildren('DurationExpr').map((d) => this.textOf(d));
        return q.subquery(this.expr(inner!), range!, step);
      }
      case 'OffsetExpr': {
        const [inner] = exprChildren(node);
        const duration = this.textOf(node.getChild('OffsetDurationExpr')!);
        return q.offset(this.expr(inner!) as Selector, duration);
      }
      case 'NumberDurationLiteral':
        return q.number(numberValue(this.textOf(node)));
      case 'StringLiteral':
        return q.string(unquote(this.textOf(node)));
      case 'ParenExpr': {
        const inner = this.expr(exprChildren(node)[0]!);
        return this.own.has(node.from) ? inner : q.paren(inner);
      }
      case 'UnaryExpr':
        return q.negate(this.expr(exprChildren(node)[0]!));
      case 'FunctionCall': {
        const name = this.textOf(node.getChild('FunctionIdentifier')!);
        const body = node.getChild('FunctionCallBody')!;
        return q.call(
          name,
          exprChildren(body).map((arg) => this.expr(arg)),
          this.argumentLayout(body),
        );
      }
      case 'AggregateExpr':
        return this.aggregation(node);
      case 'BinaryExpr':
        return this.binary(node);
      default:
        throw new ReadError(`no reading for ${node.name}: ${this.textOf(node)}`);
    }
  }

  private selector(node: Node): Selector {
    return selectorNode(node, (child) => this.textOf(child));
  }

  private argumentLayout(body: Node): 'block' | 'inline' {
    return /^\(\s*\n/.test(this.textOf(body)) ? 'block' : 'inline';
  }

  private labels(node: Node | null): string[] {
    return (node?.getChildren('LabelName') ?? []).map((label) => this.textOf(label));
  }

  private aggregation(node: Node): Expr {
    const op = this.textOf(node.getChild('AggregateOp')!) as AggregationOp;
    const modifier = node.getChild('AggregateModifier');
    const labels = this.labels(modifier?.getChild('GroupingLabels') ?? null);
    const grouping = modifier ? (modifier.getChild('By') ? q.by(labels) : q.without(labels)) : undefined;
    const body = node.getChild('FunctionCallBody')!;
    const args = exprChildren(body).map((arg) => this.expr(arg));
    const [param, expr] = args.length === 2 ? args : [undefined, args[0]!];
    return q.aggregate(op, expr!, { grouping, param, layout: this.argumentLayout(body) });
  }

  private binary(node: Node): Expr {
    const [leftNode, rightNode] = exprChildren(node);
    const opNode = leftNode!.nextSibling!;
    const op = BINARY_OPS[opNode.name]!;
    const modifiers: q.BinaryModifier[] = [];
    if (node.getChild('BoolModifier')) modifiers.push('bool');
    const clause = node.getChild('MatchingModifierClause');
    if (clause) {
      const [matchLabels, groupLabels] = clause.getChildren('GroupingLabels');
      modifiers.push(clause.getChild('On') ? q.on(this.labels(matchLabels!)) : q.ignoring(this.labels(matchLabels!)));
      if (clause.getChild('GroupLeft')) modifiers.push(q.groupLeft(this.labels(groupLabels ?? null)));
      if (clause.getChild('GroupRight')) modifiers.push(q.groupRight(this.labels(groupLabels ?? null)));
    }
    modifiers.push(this.text.slice(leftNode!.to, opNode.from).includes('\n') ? 'lines' : 'inline');
    return q.binary(this.expr(leftNode!), op, this.expr(rightNode!), ...modifiers);
  }
}

function numberValue(text: string): number {
  const sign = text.startsWith('-') ? -1 : 1;
  const unsigned = text.replace(/^[-+]/, '').toLowerCase();
  if (unsigned === 'inf') return sign * Number.POSITIVE_INFINITY;
  if (unsigned === 'nan') return Number.NaN;
  return sign * Number(unsigned);
}

const ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

function selectorNode(node: Node, textOf: (node: Node) => string): Selector {
  const name = node.getChild('Identifier');
  const matchers = (node.getChild('LabelMatchers')?.getChildren('UnquotedLabelMatcher') ?? []).map((m) =>
    q.matcher(
      textOf(m.getChild('LabelName')!),
      MATCH_OPS[m.getChild('MatchOp')!.firstChild!.name]!,
      unquote(textOf(m.getChild('StringLiteral')!)),
    ),
  );
  return q.selector(name ? textOf(name) : undefined, ...matchers);
}

/** A PromQL string literal's value (Go's escapes); written apart from quote.ts, so the printer's tests check it. */
function unquote(literal: string): string {
  const body = literal.slice(1, -1);
  if (literal.startsWith('`')) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/gs, (_, sequence: string) => {
    if (/^[xuU]/.test(sequence)) return String.fromCodePoint(Number.parseInt(sequence.slice(1), 16));
    if (/^[0-7]{3}$/.test(sequence)) return String.fromCodePoint(Number.parseInt(sequence, 8));
    const char = ESCAPES[sequence];
    if (char === undefined) throw new ReadError(`unknown escape \\${sequence} in ${literal}`);
    return char;
  });
}
