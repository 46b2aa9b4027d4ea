// The PromQL of every generated rule: parses, reads only the contract's series through the configured selectors,
// and applies each team's overrides to exactly its namespaces.
import { describe, expect, it } from 'vitest';
import type { AlertingRule, Rule } from '../../src/rules/rule-types.ts';
import { ruleGroups } from '../../src/rule-groups/rule-groups.ts';
import { generateFixture } from '../helpers/generate-fixture.ts';
import { syntaxErrors, vectorSelectors } from '../helpers/promql-tree.ts';

const CADVISOR_SERIES = [
  'container_memory_working_set_bytes',
  'container_spec_memory_limit_bytes',
  'container_oom_events_total',
];
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
// Rulers' own metrics (HeadroomRulesFailing): Prometheus and Thanos, vmalert 1.79 and later.
const META_SERIES = [
  'prometheus_rule_evaluation_failures_total',
  'vmalert_alerting_rules_error',
  'vmalert_recording_rules_error',
  'vmalert_alerting_rules_errors_total',
  'vmalert_recording_rules_errors_total',
];

async function rulesOf(fixture: string): Promise<Rule[]> {
  const { model } = await generateFixture(fixture);
  return ruleGroups(model).flatMap((group) => group.rules);
}

function alerts(rules: Rule[], name: string): AlertingRule[] {
  return rules.filter((rule): rule is AlertingRule => 'alert' in rule && rule.alert === name);
}

/**
 * The settings-label matchers of an expression's owner selectors, e.g.
 * `headroom_container_oom_killed="severity=critical,window=10m"`.
 */
function settingsMatchers(expr: string): string[] {
  return [...new Set(vectorSelectors(expr).flatMap((s) => s.matchers.filter((m) => m.startsWith('headroom_'))))];
}

/** The teams table: each owner's labels (owner absent for the default team's catch-all). */
function teamTable(rules: Rule[]): Record<string, string>[] {
  return rules
    .filter((rule) => 'record' in rule && rule.record === 'headroom:team:info')
    .map((rule) => rule.labels ?? {});
}

/** Whether a matcher like `label="v"` or `label=~"a|b"` selects a series with these labels (anchored). */
function selects(matcher: string, labels: Record<string, string>): boolean {
  const [, name, op = '', quoted] = /^(\w+)(=~|!~|!=|=)(".*")$/.exec(matcher)!;
  const value = labels[name!] ?? '';
  const pattern = JSON.parse(quoted!) as string;
  const matches = op.includes('~') ? new RegExp(`^(?:${pattern})$`).test(value) : value === pattern;
  return op.startsWith('!') ? !matches : matches;
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
        const cgroup = selector.matchers.includes('container=""')
          ? ['container=""', 'pod!=""']
          : ['container!=""', 'container!="POD"'];
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
  it('give each owner its threshold as a constant series: payments 0.95, everyone else 0.85', async () => {
    const thresholds = (await rulesOf('example')).filter(
      (rule) =>
        'record' in rule &&
        rule.record === 'headroom:team_setting:value' &&
        rule.labels?.setting === 'containerMemoryNearLimit.threshold',
    );
    expect(thresholds.map((rule) => [rule.labels?.owner ?? '(default team)', rule.expr])).toEqual([
      ['(default team)', 'vector(0.85)'],
      ['payments', 'vector(0.95)'],
      ['platform', 'vector(0.85)'],
      ['search', 'vector(0.85)'],
    ]);
  });

  it('give payments its for, search its for, and everyone else the default', async () => {
    const rules = alerts(await rulesOf('example'), 'ContainerMemoryNearLimit');
    const byFor = Object.fromEntries(rules.map((rule) => [rule.for, settingsMatchers(rule.expr)]));
    expect(byFor).toEqual({
      '10m': ['headroom_container_memory_near_limit="for=10m,severity=warning"'],
      '2m': ['headroom_container_memory_near_limit="for=2m,severity=warning"'],
      '5m': ['headroom_container_memory_near_limit="for=5m,severity=warning"'],
    });
    // Each alert rule reads the few containers above the lowest threshold, never the whole ratio, and the owners.
    for (const rule of rules) {
      expect(new Set(vectorSelectors(rule.expr).map((s) => s.metric))).toEqual(
        new Set([
          'headroom:container_memory_above_threshold:ratio_limit',
          'headroom:namespace_owner:info',
          'headroom:team_setting:value',
        ]),
      );
    }
  });

  it("give search's OOM kills its own window", async () => {
    const rules = alerts(await rulesOf('example'), 'ContainerOOMKilled');
    expect(
      rules.map((rule) => [
        rule.labels.window,
        rule.expr.includes(`window="${rule.labels.window}"`),
        settingsMatchers(rule.expr),
      ]),
    ).toEqual([
      ['10m', true, ['headroom_container_oom_killed="severity=critical,window=10m"']],
      ['30m', true, ['headroom_container_oom_killed="severity=critical,window=30m"']],
    ]);
    const recorded = (await rulesOf('example')).filter(
      (rule) => 'record' in rule && rule.record === 'headroom:container_oom_restarts:increase',
    );
    // Per window: the OOMKilled reason reads the restart counter over the window; the exit-137 kills with an OOM event
    // read that window's recorded kills.
    expect(
      recorded.map((rule) => [
        rule.labels?.window,
        rule.labels?.evidence,
        rule.expr.includes(`window="${rule.labels?.window}"`),
      ]),
    ).toEqual([
      ['10m', 'reason', true],
      ['10m', 'oom-events', true],
      ['30m', 'reason', true],
      ['30m', 'oom-events', true],
    ]);
  });
});

describe('partitions of the example fixture', () => {
  for (const alert of ['ContainerMemoryNearLimit', 'ContainerOOMKilled']) {
    it(`${alert}: every owner with the alert on falls in exactly one rule, one with it off in none`, async () => {
      const rules = await rulesOf('example');
      const alertRules = alerts(rules, alert);
      const table = teamTable(rules);
      expect(table.map((labels) => labels.owner ?? '')).toEqual(['', 'payments', 'platform', 'search']);
      for (const labels of table) {
        const on = Object.keys(labels).some((name) => settingsMatchers(alertRules[0]!.expr)[0]!.startsWith(`${name}=`));
        const matching = alertRules.filter((rule) =>
          settingsMatchers(rule.expr).every((matcher) => selects(matcher, labels)),
        );
        expect(matching.length, labels.owner ?? '(default team)').toBe(on ? 1 : 0);
      }
    });
  }
});
