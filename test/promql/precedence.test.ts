// Precedence and associativity by hand: each tree prints with exactly the parentheses PromQL needs, and the text
// reads back as that tree (lezer, grouped as the engines group; promtool.test.ts checks the engines themselves).
import { describe, expect, it } from 'vitest';
import {
  binary,
  by,
  call,
  count,
  aggregate,
  type Expr,
  type Selector,
  group,
  groupLeft,
  groupRight,
  ignoring,
  max,
  min,
  negate,
  number,
  offset,
  on,
  paren,
  print,
  range,
  selector,
  string,
  subquery,
  sum,
  topk,
  without,
} from '../../src/promql/index.ts';
import { canonical, read } from './read.ts';

const [a, b, c, x] = ['a', 'b', 'c', 'x'].map((name) => selector(name)) as [Selector, Selector, Selector, Selector];

/** `tree` prints as `text` (its parentheses exactly), which reads back as `tree`. */
function expectPrinted(tree: Expr, text: string): void {
  expect(print(tree)).toBe(text);
  expect(canonical(read(text), { parens: false, layout: true })).toEqual(
    canonical(tree, { parens: false, layout: true }),
  );
}

describe('operators of one level', () => {
  it.each([
    ['-', '+'],
    ['+', '-'],
    ['*', '/'],
    ['/', '%'],
    ['%', 'atan2'],
    ['atan2', '*'],
    ['==', '>'],
    ['and', 'unless'],
    ['unless', 'and'],
    ['or', 'or'],
  ] as const)('%s then %s: left-nested bare, right-nested in parentheses', (first, second) => {
    const vectors = first === '==' ? (['bool'] as const) : [];
    expectPrinted(
      binary(binary(a, first, b, ...vectors), second, c, ...vectors),
      `a ${first}${vectors.map((m) => ` ${m}`).join('')} b ${second}${vectors.map((m) => ` ${m}`).join('')} c`,
    );
    expectPrinted(binary(a, first, binary(b, second, c)), `a ${first} (b ${second} c)`);
  });

  it('^ is right-associative', () => {
    expectPrinted(binary(a, '^', binary(b, '^', c)), 'a ^ b ^ c');
    expectPrinted(binary(binary(a, '^', b), '^', c), '(a ^ b) ^ c');
  });
});

describe('operators of different levels', () => {
  const levels = [
    ['or'],
    ['and', 'unless'],
    ['==', '!=', '>', '<', '>=', '<='],
    ['+', '-'],
    ['*', '/', '%', 'atan2'],
    ['^'],
  ];
  const pairs = levels.flatMap((looser, i) =>
    levels.slice(i + 1).flatMap((tighter) => looser.flatMap((l) => tighter.map((t) => [l, t] as const))),
  );

  it.each(pairs)('%s looser than %s', (looser, tighter) => {
    const l = looser as Parameters<typeof binary>[1];
    const t = tighter as Parameters<typeof binary>[1];
    // The tighter operation bare on either side of the looser one, the looser one in parentheses under the tighter.
    expectPrinted(binary(binary(a, t, b), l, c), `a ${t} b ${l} c`);
    expectPrinted(binary(a, l, binary(b, t, c)), `a ${l} b ${t} c`);
    expectPrinted(binary(binary(a, l, b), t, c), `(a ${l} b) ${t} c`);
    expectPrinted(binary(a, t, binary(b, l, c)), `a ${t} (b ${l} c)`);
  });

  it('a comparison under an arithmetic join keeps its parentheses (x > 0 is not x > (0 * …))', () => {
    expectPrinted(
      binary(binary(x, '>', 0), '*', selector('owner'), on(['namespace']), groupLeft(['team'])),
      '(x > 0) * on (namespace) group_left (team) owner',
    );
    expectPrinted(
      binary(x, '>', binary(selector('y'), '*', selector('owner'), on(['namespace']))),
      'x > y * on (namespace) owner',
    );
  });
});

describe('unary minus binds like *', () => {
  it.each<[string, Expr, string]>([
    ['looser than ^', negate(binary(a, '^', b)), '-a ^ b'],
    ['its operand of ^ in parentheses', binary(negate(a), '^', b), '(-a) ^ b'],
    ['a product in parentheses', negate(binary(a, '*', b)), '-(a * b)'],
    ['left of *', binary(negate(a), '*', b), '-a * b'],
    ['right of *', binary(a, '*', negate(b)), 'a * -b'],
    ['right of ^', binary(a, '^', negate(b)), 'a ^ -b'],
    ['right of ^ over ^', binary(a, '^', negate(binary(b, '^', c))), 'a ^ -b ^ c'],
    ['of a sum', negate(binary(a, '+', b)), '-(a + b)'],
    ['twice', negate(negate(a)), '--a'],
    ['a negative number left of ^', binary(number(-1), '^', 2), '(-1) ^ 2'],
    ['of a power of a number', negate(binary(1, '^', 2)), '-1 ^ 2'],
    ['a negative number right of -', binary(a, '-', number(-1)), 'a - -1'],
    ['of an offset', negate(offset(a, '1h')), '-a offset 1h'],
    ['under a subquery', subquery(negate(a), '5m'), '(-a)[5m:]'],
  ])('%s', (_, tree, text) => expectPrinted(tree, text));

  it('of a number literal is the negative literal', () => {
    expect(negate(number(2))).toEqual(number(-2));
    expect(negate(number(-2))).toEqual(number(2));
  });
});

describe('bool', () => {
  it('prints after the comparison and does not change its precedence', () => {
    expectPrinted(binary(binary(a, '>', b, 'bool'), '==', c, 'bool'), 'a > bool b == bool c');
    expectPrinted(binary(a, '==', binary(b, '>', c, 'bool'), 'bool'), 'a == bool (b > bool c)');
    expectPrinted(binary(binary(1, '>', 2, 'bool'), '+', 1), '(1 > bool 2) + 1');
  });
});

describe('vector matching', () => {
  it.each<[string, Expr, string]>([
    ['on with group_left', binary(a, '*', b, on(['x']), groupLeft(['y'])), 'a * on (x) group_left (y) b'],
    [
      'ignoring with group_right ()',
      binary(a, '+', b, ignoring(['x']), groupRight()),
      'a + ignoring (x) group_right () b',
    ],
    ['on () of a set operator', binary(a, 'and', b, on([])), 'a and on () b'],
    ['bool before on', binary(a, '>', b, 'bool', on(['x'])), 'a > bool on (x) b'],
    [
      'matching does not change precedence',
      binary(binary(a, 'or', b, on(['x'])), '*', c, on(['y'])),
      '(a or on (x) b) * on (y) c',
    ],
  ])('%s', (_, tree, text) => expectPrinted(tree, text));
});

describe('postfix operators bind tightest', () => {
  it.each<[string, Expr, string]>([
    ['a sum under a subquery', subquery(binary(a, '+', b), '5m'), '(a + b)[5m:]'],
    ['an offset under a subquery (for MetricsQL)', subquery(offset(a, '1h'), '5m', '1m'), '(a offset 1h)[5m:1m]'],
    [
      'a subquery with an offset',
      offset(subquery(call('rate', [range(a, '5m')]), '1h', '1m'), '2h'),
      'rate(a[5m])[1h:1m] offset 2h',
    ],
    ['an offset right of +', binary(a, '+', offset(b, '1h')), 'a + b offset 1h'],
    ['an offset between + and *', binary(a, '+', binary(offset(b, '1h'), '*', c)), 'a + b offset 1h * c'],
    ['a range with an offset', call('rate', [offset(range(a, '5m'), '1h')]), 'rate(a[5m] offset 1h)'],
  ])('%s', (_, tree, text) => expectPrinted(tree, text));
});

describe('aggregations and calls need no parentheses around arguments', () => {
  it.each<[string, Expr, string]>([
    ['by', sum(by(['namespace']), x), 'sum by (namespace) (x)'],
    ['without ()', group(without([]), x), 'group without () (x)'],
    ['a parameter', topk(by(['n']), 1, x), 'topk by (n) (1, x)'],
    ['a string parameter', aggregate('count_values', x, { param: string('v') }), 'count_values("v", x)'],
    ['no grouping', max(binary(a, 'or', b)), 'max(a or b)'],
    ['count by', count(by(['namespace', 'for']), x), 'count by (namespace, for) (x)'],
    ['min of a comparison', binary(min(by(['pod']), x), '==', 0), 'min by (pod) (x) == 0'],
    ['an aggregation under an operator', binary(sum(x), '>', 0), 'sum(x) > 0'],
    ['a call', call('clamp', [binary(a, '+', b), 0, binary(1, '-', 2)]), 'clamp(a + b, 0, 1 - 2)'],
  ])('%s', (_, tree, text) => expectPrinted(tree, text));
});

describe("the builder's own parentheses", () => {
  it('print as they are and are never doubled', () => {
    expectPrinted(paren(a), '(a)');
    expectPrinted(binary(paren(a), '+', b), '(a) + b');
    expectPrinted(binary(paren(binary(a, '+', b)), '*', c), '(a + b) * c');
    expectPrinted(paren(paren(a)), '((a))');
    expectPrinted(binary(paren(binary(a, '+', b, 'lines')), '*', c, 'lines'), '(\n  a\n  +\n  b\n)\n*\nc');
  });
});
