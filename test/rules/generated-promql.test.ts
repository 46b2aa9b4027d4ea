// The PromQL of every generated rule: parses, reads only the contract's series through the configured selectors,
// and applies each team's overrides to exactly its namespaces.
import { describe, expect, it } from 'vitest';
import type { AlertingRule, Rule } from '../../src/rules/rule-types.ts';
import { ruleGroups } from '../../src/rules/rule-groups.ts';
import { generateFixture } from '../helpers/generate-fixture.ts';
import { syntaxErrors, vectorSelectors } from '../helpers/promql-tree.ts';

const CADVISOR_SERIES = ['container_memory_working_set_bytes', 'container_spec_memory_limit_bytes'];
const KSM_SERIES = [
  'kube_pod_container_resource_limits',
  'kube_pod_container_status_restarts_total',
  'kube_pod_container_status_last_terminated_reason',
  'kube_node_status_condition',
];
const META_SERIES = ['prometheus_rule_evaluation_failures_total'];

async function rulesOf(fixture: string): Promise<Rule[]> {
  const { model } = await generateFixture(fixture);
  return ruleGroups(model).flatMap((group) => group.rules);
}

function alerts(rules: Rule[], name: string): AlertingRule[] {
  return rules.filter((rule): rule is AlertingRule => 'alert' in rule && rule.alert === name);
}

/** The value a selector's matcher on `label` has, e.g. `namespace=~"payments|payments-.*"`. */
function namespaceMatchers(expr: string): string[] {
  return [...new Set(vectorSelectors(expr).flatMap((s) => s.matchers.filter((m) => m.startsWith('namespace'))))];
}

describe.each(['example', 'cadvisor-limits'])('rules generated from fixture %s', (fixture) => {
  it('parse with lezer-promql without error nodes', async () => {
    const rules = await rulesOf(fixture);
    expect(rules.length).toBeGreaterThan(5);
    for (const rule of rules) expect(syntaxErrors(rule.expr), rule.expr).toEqual([]);
  });

  it('read only the contract series, through the configured selectors', async () => {
    const { model } = await generateFixture(fixture);
    const cadvisor = model.selectors.cadvisor.replace(/\s+/g, '').split(',');
    const ksm = model.selectors.kubeStateMetrics.replace(/\s+/g, '').split(',');
    const selectors = ruleGroups(model).flatMap((group) => group.rules.flatMap((rule) => vectorSelectors(rule.expr)));
    for (const selector of selectors) {
      if (selector.metric.startsWith('headroom:')) continue;
      if (CADVISOR_SERIES.includes(selector.metric)) {
        expect(selector.matchers).toEqual(expect.arrayContaining([...cadvisor, 'container!=""', 'container!="POD"']));
      } else if (KSM_SERIES.includes(selector.metric)) {
        expect(selector.matchers).toEqual(expect.arrayContaining(ksm));
      } else {
        expect(META_SERIES, `unexpected series ${selector.metric}`).toContain(selector.metric);
      }
    }
  });
});

describe('team overrides (fixture example)', () => {
  it('record one threshold per distinct value, each for exactly its namespaces', async () => {
    const thresholds = (await rulesOf('example')).filter((rule) => 'record' in rule && rule.record === 'headroom:namespace_memory_threshold:ratio');
    expect(thresholds.map((rule) => [rule.expr.split(' ')[0], namespaceMatchers(rule.expr)])).toEqual([
      ['0.85', ['namespace!~"payments|payments-.*"']],
      ['0.95', ['namespace=~"payments|payments-.*"']],
    ]);
  });

  it("give payments its for, search its for, and everyone else the default", async () => {
    const rules = alerts(await rulesOf('example'), 'ContainerMemoryNearLimit');
    const byFor = Object.fromEntries(rules.map((rule) => [rule.for, namespaceMatchers(rule.expr)]));
    expect(byFor).toEqual({
      '10m': ['namespace=~"payments|payments-.*"'],
      '2m': ['namespace=~"search"'],
      '5m': ['namespace!~"payments|payments-.*|search"'],
    });
    // The matcher sits on every side of the joins, so no rule reads another team's series.
    for (const rule of rules) {
      const selectors = vectorSelectors(rule.expr);
      expect(selectors.length).toBe(3);
      expect(new Set(selectors.map((s) => s.matchers.join()))).toHaveProperty('size', 1);
    }
  });

  it("give search's OOM kills its own window", async () => {
    const rules = alerts(await rulesOf('example'), 'ContainerOOMKilled');
    expect(rules.map((rule) => [rule.labels.window, rule.expr.includes(`[${rule.labels.window}]`), namespaceMatchers(rule.expr)])).toEqual([
      ['10m', true, ['namespace!~"search"']],
      ['30m', true, ['namespace=~"search"']],
    ]);
  });
});

describe('partitions of the example fixture', () => {
  /** Whether a matcher like `namespace=~"a|b.*"` selects a namespace, with Prometheus' anchoring. */
  function selects(matcher: string, namespace: string): boolean {
    const [, op, quoted] = /^namespace(=~|!~)(".*")$/.exec(matcher)!;
    const matches = new RegExp(`^(?:${JSON.parse(quoted!) as string})$`).test(namespace);
    return op === '=~' ? matches : !matches;
  }

  const namespaces = ['payments', 'payments-eu', 'paymentsx', 'search', 'search-2', 'kube-system', 'shop', 'default'];

  for (const alert of ['ContainerMemoryNearLimit', 'ContainerOOMKilled']) {
    it(`${alert}: every namespace falls in exactly one rule`, async () => {
      const rules = alerts(await rulesOf('example'), alert);
      for (const namespace of namespaces) {
        const owners = rules.filter((rule) => namespaceMatchers(rule.expr).every((matcher) => selects(matcher, namespace)));
        expect(owners.length, namespace).toBe(1);
      }
    });
  }
});
