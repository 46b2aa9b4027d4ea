// selectorsOf (src/promql/read.ts), what fit-group.ts reads to keep rules that read each other together: on random
// trees, the selectors of the printed text are the tree's own, in order, matchers and values included.
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type Expr, print, type Selector } from '../../src/promql/index.ts';
import { selectorsOf } from '../../src/promql/read.ts';
import { seedOf } from '../fuzz/fuzz-budget.ts';
import { ruleTrees } from './arbitraries.ts';

/** The selectors of a tree, walked as data: every node with kind 'selector', depth first, left to right. */
function treeSelectors(node: unknown): Selector[] {
  if (Array.isArray(node)) return node.flatMap(treeSelectors);
  if (node === null || typeof node !== 'object') return [];
  if ((node as Expr).kind === 'selector') return [node as Selector];
  return Object.values(node).flatMap(treeSelectors);
}

describe('selectorsOf', () => {
  test.prop([ruleTrees({ parens: true })], { numRuns: 200, seed: seedOf() })(
    'reads the selectors a tree printed',
    (tree) => {
      expect(selectorsOf(print(tree))).toEqual(treeSelectors(tree));
    },
  );

  it('reads matchers with escapes, in range selectors too', () => {
    expect(selectorsOf('max_over_time(a{window="1m", x=~"\\"q\\""}[5m]) / on (x) b')).toEqual([
      {
        kind: 'selector',
        metric: 'a',
        matchers: [
          { label: 'window', op: '=', value: '1m' },
          { label: 'x', op: '=~', value: '"q"' },
        ],
      },
      { kind: 'selector', metric: 'b', matchers: [] },
    ]);
  });
});
