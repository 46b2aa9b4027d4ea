// The printer's output on the engines themselves, each check on Prometheus 2.42 and 3.5: random trees as recording
// rules pass `promtool check rules`; random trees of numbers compute, parsed by Prometheus, the value the tree has
// (so Prometheus groups the text as the tree does); strings of any characters come back as the same label value.
// vmalert (1.79 and current) parses the random trees too: MetricsQL is the language of the fourth ruler.
// @module-tag spawns (promtool, vmalert)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import * as q from '../../src/promql/index.ts';
import { call, offset, print, selector, subquery } from '../../src/promql/index.ts';
import { seedOf } from '../fuzz/fuzz-budget.ts';
import { assertInstalled, BINARIES } from '../e2e/harness/binaries.ts';
import { ENGINES, promtool } from '../helpers/promtool.ts';
import { anyString, ruleTrees } from './arbitraries.ts';
import { evaluate, Inexact, numericTrees, operatorPairs, type Value } from './numeric.ts';

const dir = mkdtempSync(join(tmpdir(), 'headroom-promql-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const seed = seedOf() ?? 20261203;

/** The rules of a promtool failure, with the text of each (promtool names them by number). */
function failedExprs(output: string, exprs: readonly string[]): string {
  const numbers = [...output.matchAll(/rule (\d+),/g)].map((match) => Number(match[1]) - 1);
  return `${output}\n${numbers.map((i) => `rule ${i + 1}:\n${exprs[i]}`).join('\n\n')}`;
}

const trees = fc.sample(ruleTrees({ parens: true }), { numRuns: 300, seed }).map(q.print);
writeFileSync(
  join(dir, 'trees.yaml'),
  stringify(
    { groups: [{ name: 'trees', rules: trees.map((expr, i) => ({ record: `tree:${i}`, expr })) }] },
    { lineWidth: 0 },
  ),
);

interface Computed {
  expr: string;
  value: Value;
}
const computed = [...operatorPairs(), ...fc.sample(numericTrees(), { numRuns: 400, seed })].flatMap(
  (tree): Computed[] => {
    try {
      return [{ expr: q.print(tree), value: evaluate(tree) }];
    } catch (error) {
      if (error instanceof Inexact) return [];
      throw error;
    }
  },
);
const expectedSamples = (value: Value) => {
  const number = 'scalar' in value ? value.scalar : value.vector;
  return number === undefined ? [] : [{ labels: '{}', value: number }];
};
writeFileSync(join(dir, 'none.yaml'), 'groups: []\n');
writeFileSync(
  join(dir, 'computed.test.yaml'),
  stringify(
    {
      rule_files: ['none.yaml'],
      tests: [
        {
          promql_expr_test: computed.map(({ expr, value }) => ({
            expr,
            eval_time: '0m',
            exp_samples: expectedSamples(value),
          })),
        },
      ],
    },
    { lineWidth: 0 },
  ),
);

// Label values through a matcher: absent() returns the labels of its selector's equality matchers. The expected
// labels are plain YAML, so only Prometheus reads the PromQL string literal.
const strings = [
  ...[
    '\\',
    '"',
    "'",
    '`',
    '\n',
    '\r\n',
    '\t',
    '\x00',
    '\x01',
    '\x1f',
    '\x7f',
    '\u0085',
    '\u2028',
    'é',
    '😀',
    '$1',
    '{{',
  ],
  ...fc.sample(anyString, { numRuns: 80, seed }),
].map((value) => `v${value}`);
/** A YAML double-quoted scalar with every character but printable ASCII escaped, for the expected labels. */
function yamlQuoted(value: string): string {
  const escaped = [...value].map((char) => {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === '\\') return `\\${char}`;
    if (code >= 0x20 && code < 0x7f) return char;
    return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\U${code.toString(16).padStart(8, '0')}`;
  });
  return `"${escaped.join('')}"`;
}

const absentWith = (value: string) =>
  q.print(q.call('absent', [q.selector('headroom_never_recorded', q.eq('quoted', value))]));
// The rules written as headroom writes rule files (the yaml package, which passes DEL and C1 controls raw: the
// printer escapes them, or Prometheus' YAML reader refuses the file).
writeFileSync(
  join(dir, 'strings.yaml'),
  stringify(
    {
      groups: [
        { name: 'strings', rules: strings.map((value, i) => ({ alert: `Quoted${i}`, expr: absentWith(value) })) },
      ],
    },
    { lineWidth: 0 },
  ),
);
writeFileSync(
  join(dir, 'strings.test.yaml'),
  `rule_files: [strings.yaml]\ntests:\n  - alert_rule_test:\n${strings
    .map(
      (value, i) =>
        `      - eval_time: 0m\n        alertname: Quoted${i}\n        exp_alerts:\n          - exp_labels:\n        ` +
        `      quoted: ${yamlQuoted(value)}\n`,
    )
    .join('')}`,
);

for (const engine of ENGINES) {
  describe(engine.name, () => {
    it(`accepts ${trees.length} random trees as recording rules`, () => {
      const result = promtool(engine, ['check', 'rules', 'trees.yaml'], dir);
      expect(result.code, failedExprs(result.output, trees)).toBe(0);
    });

    it(`computes the tree's value from the text of ${computed.length} trees of numbers`, () => {
      expect(computed.length).toBeGreaterThan(500);
      const result = promtool(engine, ['test', 'rules', 'computed.test.yaml'], dir);
      expect(result.code, result.output).toBe(0);
    });

    it(`reads ${strings.length} strings back as the same label value`, () => {
      const result = promtool(engine, ['test', 'rules', 'strings.test.yaml'], dir);
      expect(result.code, result.output).toBe(0);
    });
  });
}

for (const vmalert of [BINARIES.vmalertBookworm, BINARIES.vmalertSid]) {
  describe(`vmalert ${vmalert.path}`, () => {
    const dryRun = (file: string) => {
      assertInstalled([vmalert]);
      const result = spawnSync(vmalert.path, ['-dryRun', `-rule=${join(dir, file)}`, '-loggerLevel=ERROR'], {
        encoding: 'utf8',
      });
      return { code: result.status, output: `${result.stdout}${result.stderr}` };
    };

    it(`parses the ${trees.length} random trees`, () => {
      const result = dryRun('trees.yaml');
      expect(result.code, result.output).toBe(0);
    });

    it('refuses an offset under a subquery without parentheses, which Prometheus takes', () => {
      const bare = 'max_over_time(x offset 1h[5m:1m])';
      writeFileSync(
        join(dir, 'bare.yaml'),
        stringify({ groups: [{ name: 'bare', rules: [{ record: 'bare', expr: bare }] }] }),
      );
      expect(dryRun('bare.yaml').output).toContain('unexpected token "["');
      expect(promtool(ENGINES[0]!, ['check', 'rules', 'bare.yaml'], dir).code).toBe(0);
      expect(print(call('max_over_time', [subquery(offset(selector('x'), '1h'), '5m', '1m')]))).toBe(
        'max_over_time((x offset 1h)[5m:1m])',
      );
    });
  });
}
