// The PromQL of every generated rule: parses, reads only the contract's series through the configured selectors,
// and applies each team's overrides to exactly its namespaces.
import { describe, expect, it } from 'vitest';
import type { AlertingRule, Rule } from '../../src/rules/rule-types.ts';
import { ruleGroups } from '../../src/rules/rule-groups.ts';
import { generateFixture } from '../helpers/generate-fixture.ts';
import { syntaxErrors, vectorSelectors } from '../helpers/promql-tree.ts';

const CADVISOR_SERIES = ['container_memory_working_set_bytes', 'container_spec_memory_limit_bytes', 'container_oom_events_total'];
const KSM_SERIES = [
  'kube_pod_container_resource_limits',
  'kube_pod_container_resource_requests',
  'kube_pod_container_status_restarts_total',
  'kube_pod_container_status_last_terminated_reason',
  'kube_pod_container_status_last_terminated_exitcode',
  'kube_pod_init_container_status_restarts_total',
  'kube_pod_init_container_status_last_terminated_reason',
  'kube_pod_init_container_status_last_terminated_exitcode',
  'kube_pod_init_container_info',
  'kube_pod_init_container_resource_limits',
  'kube_node_status_condition',
  'kube_namespace_labels',
  'kube_pod_status_reason',
  'kube_pod_status_phase',
  'kube_pod_info',
];
/** The kubelet's own metrics (selectors.kubelet). */
const KUBELET_SERIES = ['kubelet_evictions', 'kubelet_node_name'];
const META_SERIES = ['prometheus_rule_evaluation_failures_total'];

async function rulesOf(fixture: string): Promise<Rule[]> {
  const { model } = await generateFixture(fixture);
  return ruleGroups(model).flatMap((group) => group.rules);
}

function alerts(rules: Rule[], name: string): AlertingRule[] {
  return rules.filter((rule): rule is AlertingRule => 'alert' in rule && rule.alert === name);
}

/** The owner matchers of an expression's selectors, e.g. `owner=~"payments|search"`. */
function ownerMatchers(expr: string): string[] {
  return [...new Set(vectorSelectors(expr).flatMap((s) => s.matchers.filter((m) => m.startsWith('owner'))))];
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
    const kubelet = model.selectors.kubelet.replace(/\s+/g, '').split(',');
    const selectors = ruleGroups(model).flatMap((group) => group.rules.flatMap((rule) => vectorSelectors(rule.expr)));
    for (const selector of selectors) {
      if (selector.metric.startsWith('headroom:')) continue;
      if (CADVISOR_SERIES.includes(selector.metric)) {
        // A container's cgroup, or (pod-level limits) the pod's own cgroup, never a QoS-parent cgroup (pod="").
        const cgroup = selector.matchers.includes('container=""') ? ['container=""', 'pod!=""'] : ['container!=""', 'container!="POD"'];
        expect(selector.matchers).toEqual(expect.arrayContaining([...cadvisor, ...cgroup]));
      } else if (KSM_SERIES.includes(selector.metric)) {
        expect(selector.matchers).toEqual(expect.arrayContaining(ksm));
      } else if (KUBELET_SERIES.includes(selector.metric)) {
        expect(selector.matchers).toEqual(expect.arrayContaining(kubelet));
      } else {
        expect(META_SERIES, `unexpected series ${selector.metric}`).toContain(selector.metric);
      }
    }
  });
});

describe('team overrides (fixture example)', () => {
  it('record one threshold per distinct value, each for exactly its owners', async () => {
    const thresholds = (await rulesOf('example')).filter((rule) => 'record' in rule && rule.record === 'headroom:namespace_memory_threshold:ratio');
    expect(thresholds.map((rule) => [rule.expr.split(' ')[0], ownerMatchers(rule.expr)])).toEqual([
      ['0.85', ['owner!~"payments"']],
      ['0.95', ['owner=~"payments"']],
    ]);
  });

  it('give payments its for, search its for, and everyone else the default', async () => {
    const rules = alerts(await rulesOf('example'), 'ContainerMemoryNearLimit');
    const byFor = Object.fromEntries(rules.map((rule) => [rule.for, ownerMatchers(rule.expr)]));
    expect(byFor).toEqual({
      '10m': ['owner=~"payments"'],
      '2m': ['owner=~"search"'],
      '5m': ['owner!~"payments|search"'],
    });
    // Each alert rule reads the few containers already above their threshold, never the whole ratio.
    for (const rule of rules) expect(vectorSelectors(rule.expr).map((s) => s.metric)).toEqual(['headroom:container_memory_above_threshold:ratio_limit', 'headroom:namespace_owner:info']);
  });

  it("give search's OOM kills its own window", async () => {
    const rules = alerts(await rulesOf('example'), 'ContainerOOMKilled');
    expect(rules.map((rule) => [rule.labels.window, rule.expr.includes(`window="${rule.labels.window}"`), ownerMatchers(rule.expr)])).toEqual([
      ['10m', true, ['owner!~"search"']],
      ['30m', true, ['owner=~"search"']],
    ]);
    const recorded = (await rulesOf('example')).filter((rule) => 'record' in rule && rule.record === 'headroom:container_oom_restarts:increase');
    // Per window: the OOMKilled reason reads the restart counter over the window; the exit-137 evidence branches
    // read that window's recorded kills, in priority order.
    expect(recorded.map((rule) => [rule.labels?.window, rule.labels?.evidence, rule.expr.includes(`[${rule.labels?.window}]`) || rule.expr.includes(`window="${rule.labels?.window}"`)])).toEqual([
      ['10m', 'reason', true],
      ['10m', 'oom-events', true],
      ['10m', 'working-set-at-limit', true],
      ['30m', 'reason', true],
      ['30m', 'oom-events', true],
      ['30m', 'working-set-at-limit', true],
    ]);
  });
});

describe('partitions of the example fixture', () => {
  /** Whether a matcher like `owner=~"a|b"` selects an owner series (no `owner` label for the catch-all), anchored. */
  function selects(matcher: string, owner: string): boolean {
    const [, op, quoted] = /^owner(=~|!~)(".*")$/.exec(matcher)!;
    const matches = new RegExp(`^(?:${JSON.parse(quoted!) as string})$`).test(owner);
    return op === '=~' ? matches : !matches;
  }

  const owners = ['payments', 'search', 'platform', '' /* the catch-all */, 'paymentsx'];

  for (const alert of ['ContainerMemoryNearLimit', 'ContainerOOMKilled']) {
    it(`${alert}: every owner falls in exactly one rule`, async () => {
      const rules = alerts(await rulesOf('example'), alert);
      for (const owner of owners) {
        const matching = rules.filter((rule) => ownerMatchers(rule.expr).every((matcher) => selects(matcher, owner)));
        expect(matching.length, owner).toBe(1);
      }
    });
  }
});
