// The mixin guidelines catch each kind of bad rule on its own, and headroom's real output passes them.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.ts';
import { lintRuleGroups } from '../../src/mixin/lint-rules.ts';
import { lintTree } from '../../src/mixin/lint-tree.ts';
import { yamlText } from '../../src/output/yaml-text.ts';
import type { AlertingRule, RuleGroup } from '../../src/rules/rule-types.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-cli.ts';

const SUMMARY = 'Container memory is close to its limit.';
const DESCRIPTION = 'Container {{ $labels.container }} uses {{ $value }}.';
const goodAlert: AlertingRule = {
  alert: 'ContainerMemoryNearLimit',
  expr: 'vector(1)',
  labels: { severity: 'warning' },
  annotations: { summary: SUMMARY, description: DESCRIPTION },
};

function lintOne(change: Partial<AlertingRule>, groupName = 'headroom-test'): string[] {
  const group: RuleGroup = {
    name: groupName,
    rules: [
      { record: 'x:y:z', expr: 'vector(1)' },
      { ...goodAlert, ...change },
    ],
  };
  return lintRuleGroups([group]).map((problem) => problem.rule);
}

describe('lintRuleGroups', () => {
  it('accepts a rule that follows every guideline, and ignores recording rules', () => {
    expect(lintOne({})).toEqual([]);
  });

  it.each([
    ['snake case', 'container_memory_near_limit'],
    ['lower camel case', 'containerMemoryNearLimit'],
    ['spaces', 'Container Memory'],
  ])('rejects an alert name in %s', (_, alert) => {
    expect(lintOne({ alert })).toContain('alert-name-camelcase');
  });

  it('rejects an alert name longer than 40 characters', () => {
    expect(lintOne({ alert: 'ContainerMemoryNearLimit'.padEnd(41, 'x') })).toEqual(['alert-name-length']);
    expect(lintOne({ alert: 'ContainerMemoryNearLimit'.padEnd(40, 'x') })).toEqual([]);
  });

  it.each([['page'], ['Critical'], [undefined]])('rejects severity %s', (severity) => {
    const labels: Record<string, string> = severity === undefined ? {} : { severity };
    expect(lintOne({ labels })).toEqual(['alert-severity-rule']);
  });

  it('requires a templated description', () => {
    expect(lintOne({ annotations: { summary: SUMMARY } })).toEqual(['alert-description-missing-rule']);
    expect(lintOne({ annotations: { ...goodAlert.annotations, description: 'Memory is high.' } })).toEqual([
      'alert-description-templating',
    ]);
  });

  it('requires a static summary sentence', () => {
    expect(lintOne({ annotations: { description: DESCRIPTION } })).toEqual(['alert-summary-missing-rule']);
    expect(
      lintOne({
        annotations: { ...goodAlert.annotations, summary: 'Container {{ $labels.container }} is near its limit.' },
      }),
    ).toEqual(['alert-summary-templating']);
    expect(
      lintOne({ annotations: { ...goodAlert.annotations, summary: "headroom's rules fail to evaluate." } }),
    ).toEqual(['alert-summary-style']);
    expect(
      lintOne({ annotations: { ...goodAlert.annotations, summary: 'Container memory is close to its limit' } }),
    ).toEqual(['alert-summary-style']);
  });

  it('rejects a group name longer than 40 characters', () => {
    expect(lintOne({}, 'headroom-'.padEnd(41, 'g'))).toEqual(['group-name-length']);
    expect(lintOne({}, 'headroom-'.padEnd(40, 'g'))).toEqual([]);
  });
});

describe('lintTree', () => {
  it('names the generated file, group and alert of each problem', () => {
    const spec = { groups: [{ name: 'headroom-test', rules: [{ ...goodAlert, labels: { severity: 'page' } }] }] };
    const tree = new Map([['prometheus-rules/headroom-test.yaml', yamlText({ kind: 'PrometheusRule', spec })]]);
    expect(lintTree(tree)).toEqual([
      {
        file: 'prometheus-rules/headroom-test.yaml (generated)',
        key: 'headroom-test.ContainerMemoryNearLimit',
        message: "mixin guideline [alert-severity-rule] severity must be critical, warning, info; is 'page'",
      },
    ]);
  });

  const configs = [
    'headroom.config.ts',
    'test/fixtures/example/headroom.config.ts',
    'test/fixtures/cadvisor-limits/headroom.config.ts',
  ];
  it.each(configs)('finds nothing in what %s generates', async (config) => {
    const { tree } = await generate(join(REPO_ROOT, config));
    expect(lintTree(tree)).toEqual([]);
  });
});

describe('headroom validate', () => {
  it('lints the rules and passes on the example', async () => {
    const result = await runCli(['validate'], REPO_ROOT);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
