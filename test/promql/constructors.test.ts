// The constructors refuse what the engines refuse, when the tree is built: each case builds a bad tree (which throws,
// naming the problem) and prints the same tree made by hand, which `promtool check rules` refuses on both engines.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  aggregate,
  balanced,
  binary,
  by,
  call,
  eq,
  type Expr,
  groupLeft,
  labelReplace,
  negate,
  neq,
  number,
  offset,
  on,
  print,
  range,
  selector,
  string,
  subquery,
  sum,
} from '../../src/promql/index.ts';
import { ENGINES, promtool } from '../helpers/promtool.ts';

const x = selector('x');
const y = selector('y');

interface Refusal {
  name: string;
  build: () => unknown;
  error: RegExp;
  /** The same tree built without the constructors' checks. */
  raw: Expr;
}

const refusals: Refusal[] = [
  {
    name: 'rate() of an instant vector',
    build: () => call('rate', [x]),
    error: /argument 1 of rate\(\) must be range vector, not instant vector/,
    raw: { kind: 'call', name: 'rate', args: [x], layout: 'block' },
  },
  {
    name: 'a function Prometheus does not have',
    build: () => call('rates', [range(x, '5m')]),
    error: /rates\(\) is not a function every supported ruler has/,
    raw: { kind: 'call', name: 'rates', args: [range(x, '5m')], layout: 'block' },
  },
  {
    name: 'too few arguments',
    build: () => call('label_replace', [x]),
    error: /label_replace\(\) takes 5 argument\(s\), not 1/,
    raw: { kind: 'call', name: 'label_replace', args: [x], layout: 'block' },
  },
  {
    name: 'a set operator between scalars',
    build: () => binary(1, 'and', 2),
    error: /and needs instant vectors on both sides/,
    raw: {
      kind: 'binary',
      op: 'and',
      left: number(1),
      right: number(2),
      bool: false,
      matching: undefined,
      layout: 'inline',
    },
  },
  {
    name: 'a comparison of scalars without bool',
    build: () => binary(1, '>', 2),
    error: /needs bool/,
    raw: {
      kind: 'binary',
      op: '>',
      left: number(1),
      right: number(2),
      bool: false,
      matching: undefined,
      layout: 'inline',
    },
  },
  {
    name: 'bool on arithmetic',
    build: () => binary(x, '+', y, 'bool'),
    error: /bool applies to comparisons, not \+/,
    raw: { kind: 'binary', op: '+', left: x, right: y, bool: true, matching: undefined, layout: 'inline' },
  },
  {
    name: 'group_left on a set operator',
    build: () => binary(x, 'and', y, on(['a']), groupLeft()),
    error: /and takes no group_left/,
    raw: {
      kind: 'binary',
      op: 'and',
      left: x,
      right: y,
      bool: false,
      matching: { kind: 'on', labels: ['a'], group: { side: 'left', labels: [] } },
      layout: 'inline',
    },
  },
  {
    name: 'a label in both on and group_left',
    build: () => binary(x, '*', y, on(['a']), groupLeft(['a'])),
    error: /label a cannot be in both on/,
    raw: {
      kind: 'binary',
      op: '*',
      left: x,
      right: y,
      bool: false,
      matching: { kind: 'on', labels: ['a'], group: { side: 'left', labels: ['a'] } },
      layout: 'inline',
    },
  },
  {
    name: 'vector matching with a scalar',
    build: () => binary(x, '*', 2, on(['a'])),
    error: /on \(…\) needs instant vectors on both sides/,
    raw: {
      kind: 'binary',
      op: '*',
      left: x,
      right: number(2),
      bool: false,
      matching: { kind: 'on', labels: ['a'], group: undefined },
      layout: 'inline',
    },
  },
  {
    name: 'a range vector operand',
    build: () => binary(range(x, '5m'), '+', y),
    error: /left operand of \+ must be scalar or instant vector, not range vector/,
    raw: {
      kind: 'binary',
      op: '+',
      left: range(x, '5m'),
      right: y,
      bool: false,
      matching: undefined,
      layout: 'inline',
    },
  },
  {
    name: 'a subquery of a scalar',
    build: () => subquery(number(1), '5m'),
    error: /a subquery must be instant vector, not scalar/,
    raw: { kind: 'subquery', expr: number(1), range: '5m', step: undefined },
  },
  {
    name: 'an aggregation of a scalar',
    build: () => sum(number(1)),
    error: /what sum aggregates must be instant vector, not scalar/,
    raw: { kind: 'aggregation', op: 'sum', grouping: undefined, param: undefined, expr: number(1), layout: 'block' },
  },
  {
    name: 'topk without its parameter',
    build: () => aggregate('topk', x),
    error: /topk takes a scalar parameter/,
    raw: { kind: 'aggregation', op: 'topk', grouping: undefined, param: undefined, expr: x, layout: 'block' },
  },
  {
    name: 'count_values with a number for a label',
    build: () => aggregate('count_values', x, { param: number(1) }),
    error: /the parameter of count_values must be string, not scalar/,
    raw: { kind: 'aggregation', op: 'count_values', grouping: undefined, param: number(1), expr: x, layout: 'block' },
  },
  {
    name: 'a metric named like a keyword',
    build: () => selector('bool'),
    error: /metric name "bool" is a PromQL keyword/,
    raw: { kind: 'selector', metric: 'bool', matchers: [] },
  },
  {
    name: 'a keyword Prometheus refuses in a label list',
    build: () => sum(by(['without']), x),
    error: /label "without" cannot be named in a label list/,
    raw: {
      kind: 'aggregation',
      op: 'sum',
      grouping: { kind: 'by', labels: ['without'] },
      param: undefined,
      expr: x,
      layout: 'block',
    },
  },
  {
    name: 'a selector every series matches',
    build: () => selector(undefined, neq('job', 'x')),
    error: /needs a matcher that the empty value does not match/,
    raw: { kind: 'selector', metric: undefined, matchers: [{ label: 'job', op: '!=', value: 'x' }] },
  },
  {
    name: 'a label name with a dash',
    build: () => eq('a-b', 'x'),
    error: /"a-b" is not a label name/,
    raw: { kind: 'selector', metric: 'x', matchers: [{ label: 'a-b', op: '=', value: 'x' }] },
  },
  {
    name: 'a duration without a unit in order',
    build: () => range(x, '5m1h'),
    error: /"5m1h" is not a duration/,
    raw: { kind: 'range', selector: x, range: '5m1h' },
  },
  {
    name: "a variable that is not one of Grafana's intervals",
    build: () => range(x, '$__ranges'),
    error: /"\$__ranges" is not a duration/,
    raw: { kind: 'range', selector: x, range: '$__ranges' },
  },
  {
    name: 'unary minus of a string',
    build: () => negate(string('a')),
    error: /what unary minus negates must be scalar or instant vector, not string/,
    raw: { kind: 'negation', expr: string('a') },
  },
  {
    name: 'an offset on an aggregation',
    build: () => offset(sum(x) as never, '1h'),
    error: /offset applies to a selector, a range selector or a subquery, not a aggregation/,
    raw: { kind: 'offset', expr: sum(x) as never, offset: '1h' },
  },
];

const dir = mkdtempSync(join(tmpdir(), 'headroom-promql-refused-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('constructors refuse', () => {
  it.each(refusals)('$name', ({ build, error }) => {
    expect(build).toThrow(error);
  });
});

// One rule file of all the trees built by hand; promtool names every rule it refuses.
const file = join(dir, 'refused.yaml');
writeFileSync(
  file,
  stringify({
    groups: [{ name: 'refused', rules: refusals.map(({ raw }, i) => ({ record: `refused:${i}`, expr: print(raw) })) }],
  }),
);
for (const engine of ENGINES) {
  describe(`${engine.name} refuses the same trees built by hand`, { tags: ['spawns'] }, () => {
    let output: string | undefined;
    it.each(refusals.map((refusal, i) => ({ ...refusal, i })))('$name', ({ raw, i }) => {
      output ??= promtool(engine, ['check', 'rules', file]).output;
      expect(output, print(raw)).toContain(`"refused:${i}": could not parse expression`);
    });
  });
}

describe('helpers', () => {
  it('balanced() joins operands as a balanced tree, left to right', () => {
    const parts = ['a', 'b', 'c', 'd', 'e'].map((name) => selector(name));
    expect(print(balanced(parts, 'or'))).toBe('a or b or c or (d or e)');
    expect(print(balanced(parts.slice(0, 1), 'or'))).toBe('a');
    expect(() => balanced([], 'or')).toThrow(/at least one operand/);
  });

  it('labelReplace() sets a label on every series by default', () => {
    expect(print(labelReplace(x, 'claim', 'file'))).toBe('label_replace(x, "claim", "file", "", "")');
    expect(print(labelReplace(x, 'owner', '$1', 'namespace', '(.*)'))).toBe(
      'label_replace(x, "owner", "$1", "namespace", "(.*)")',
    );
  });

  it("range() takes Grafana's interval variables, for dashboards (Grafana puts a duration in their place)", () => {
    expect(print(range(x, '$__range'))).toBe('x[$__range]');
    expect(print(call('increase', [range(x, '$__rate_interval')]))).toBe('increase(x[$__rate_interval])');
    expect(print(range(x, '$__interval'))).toBe('x[$__interval]');
  });

  it('aggregate() takes a parameter and a grouping', () => {
    expect(print(aggregate('count_values', x, { grouping: by(['a']), param: string('value') }))).toBe(
      'count_values by (a) ("value", x)',
    );
    expect(print(aggregate('quantile', x, { param: number(0.9), layout: 'inline' }))).toBe('quantile(0.9, x)');
  });
});
