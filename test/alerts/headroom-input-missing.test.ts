// HeadroomInputMissing watches exactly the input families of the alerts some owner has on, under the configured limit
// source and selectors, minus those declared absent and those born only with an event; its rules say which alerts each
// family blinds or degrades. The promtool scenario (test/promtool/inputs) proves how the rules fire.
import { describe, expect, it } from 'vitest';
import type { AlertDefinition } from '../../src/alerts/alert-definition.ts';
import { ALERTS } from '../../src/alerts/catalogue.ts';
import { EXPECTED, headroomInputMissing } from '../../src/alerts/headroom-input-missing.ts';
import type { Model } from '../../src/model/model.ts';
import { INPUT, optional } from '../../src/rules/input-series.ts';
import { alertSettingsOf } from '../../src/rules/rule-settings.ts';
import { type AlertingRule, isAlertingRule, type RecordingRule, type Rule } from '../../src/rules/rule-types.ts';
import { generateFixture } from '../helpers/generate-fixture.ts';

const { model: example } = await generateFixture('example');
const { model: fleet } = await generateFixture('fleet');

const rulesOf = (model: Model, alerts: readonly AlertDefinition[] = ALERTS): Rule[] =>
  headroomInputMissing.rules(model, alerts);
const alertRules = (rules: Rule[]) => rules.filter(isAlertingRule);
const presence = (rules: Rule[]) => rules.filter((rule): rule is RecordingRule => !isAlertingRule(rule));
/** The families watched, as `metric` or `metric (pod)`. */
const watched = (rules: Rule[]) =>
  alertRules(rules).map((rule) => `${rule.labels.input}${rule.labels.cgroup ? ` (${rule.labels.cgroup})` : ''}`);

/** The model with `key` off for every owner (or for the owners `which` picks). */
function withOff(model: Model, key: string, which: (team: string) => boolean = () => true): Model {
  return {
    ...model,
    owners: model.owners.map((owner) =>
      which(owner.team)
        ? { ...owner, alerts: { ...owner.alerts, [key]: { ...alertSettingsOf(owner, key), enabled: false } } }
        : owner,
    ),
  };
}

/** A tunable alert of the catalogue with other inputs, its settings (and so what enables it) kept. */
function reading(alert: AlertDefinition, inputs: AlertDefinition['inputs']): AlertDefinition {
  return { ...alert, inputs };
}

describe('HeadroomInputMissing', () => {
  it('knows where every input metric of the catalogue must exist, and no other metric', () => {
    const metrics = [...new Set(ALERTS.flatMap((alert) => alert.inputs.map((input) => input.metric)))].sort();
    expect(Object.keys(EXPECTED).sort()).toEqual(metrics);
  });

  it('watches each family the enabled alerts read once, except those born only with an event', () => {
    const rules = rulesOf(example);
    const read = new Set(
      ALERTS.flatMap((alert) =>
        alert.inputs
          .filter((input) => input.limitSource === undefined || input.limitSource === example.limitSource)
          .map((input) => `${input.metric}${input.podCgroup ? ' (pod)' : ''}`),
      ),
    );
    const expected = [...read].filter((family) => EXPECTED[family.replace(' (pod)', '')] !== undefined).sort();
    expect(watched(rules)).toEqual(expected);
    expect(watched(rules)).not.toContain('kubelet_evictions');
    expect(presence(rules).map((rule) => `${rule.labels?.input}${rule.labels?.cgroup ? ' (pod)' : ''}`)).toEqual(
      expected,
    );
  });

  it('does not watch a family only alerts off for every owner read; one owner with it on is enough', () => {
    // kubelet_node_name: NodeMemoryEvictions alone reads it.
    expect(watched(rulesOf(example))).toContain('kubelet_node_name');
    expect(watched(rulesOf(withOff(example, 'nodeMemoryEvictions')))).not.toContain('kubelet_node_name');
    expect(watched(rulesOf(withOff(example, 'nodeMemoryEvictions', (team) => team !== 'search')))).toContain(
      'kubelet_node_name',
    );
    // kube_node_status_condition: NodeMemoryPressure reads it too.
    expect(watched(rulesOf(withOff(example, 'nodeMemoryEvictions')))).toContain('kube_node_status_condition');
  });

  it('does not watch a family declared absent, nor the limits of the other limit source', () => {
    expect(watched(rulesOf({ ...example, absentInputs: ['kube_pod_info'] }))).not.toContain('kube_pod_info');
    expect(watched(rulesOf(example))).toContain('kube_pod_container_resource_limits');
    expect(watched(rulesOf({ ...example, limitSource: 'cadvisor' }))).not.toContain(
      'kube_pod_container_resource_limits',
    );
  });

  it('fires per cluster with the family, for the default team, after 15m', () => {
    const [rule] = alertRules(rulesOf(fleet)) as [AlertingRule];
    expect(rule.expr).toBe(
      'label_replace(group by (cluster) (headroom:input_present:group), "input", ' +
        '"container_memory_working_set_bytes", "", "") unless on (cluster) ' +
        'headroom:input_present:group{input="container_memory_working_set_bytes", cgroup=""}',
    );
    expect(rule.for).toBe('15m');
    expect(rule.labels).toEqual({ severity: 'warning', team: 'platform', input: 'container_memory_working_set_bytes' });
    expect(rule.annotations.description).toContain('in cluster {{ $labels.cluster }} for 15m');
    expect(rule.annotations.runbook_url).toBe('https://runbooks.test/headroominputmissing');
    // One store, one cluster: grouped by nothing, still a description with the family's template.
    const [single] = alertRules(rulesOf(example)) as [AlertingRule];
    expect(single.expr).toMatch(/^label_replace\(group by \(\) \(headroom:input_present:group\)/);
    expect(single.labels).toEqual({
      pager: 'platform-primary',
      severity: 'warning',
      team: 'platform',
      input: 'container_memory_working_set_bytes',
    });
    expect(single.annotations.description).toMatch(/^No \{\{ \$labels\.input \}\} series for 15m, while/);
  });

  it('names the alerts each family blinds and those it degrades, with what they lose', () => {
    const [near, oom] = [ALERTS[0], ALERTS[1]];
    const alerts = [
      reading(near, [INPUT.workingSet]),
      reading(oom, [optional(INPUT.workingSet, 'the ratio in the description'), INPUT.restarts]),
    ];
    const [workingSet, restarts] = alertRules(rulesOf(example, alerts)) as [AlertingRule, AlertingRule];
    expect(workingSet.annotations.description).toContain(
      `Blind without it: ${near.name}. Degraded: ${oom.name} (loses the ratio in the description).`,
    );
    expect(restarts.annotations.description).toContain(`Blind without it: ${oom.name}. Run`);
    expect(restarts.annotations.description).not.toContain('Degraded');
    expect(restarts.annotations.selector).toBe('kube_pod_container_status_restarts_total{job="kube-state-metrics"}');
  });

  it("watches a pod cgroup family apart from the containers', each by its own series", () => {
    const alerts = [reading(ALERTS[0], [INPUT.workingSet, INPUT.podWorkingSet])];
    const rules = rulesOf(example, alerts);
    expect(watched(rules)).toEqual(['container_memory_working_set_bytes', 'container_memory_working_set_bytes (pod)']);
    const [containers, pods] = presence(rules);
    expect(containers!.expr).toContain('container!="", container!="POD"');
    expect(pods!.expr).toContain('container="", pod!=""');
    expect(pods!.labels).toEqual({ input: 'container_memory_working_set_bytes', cgroup: 'pod' });
    const [containerAlert, podAlert] = alertRules(rules) as [AlertingRule, AlertingRule];
    expect(containerAlert.expr).toContain('{input="container_memory_working_set_bytes", cgroup=""}');
    expect(podAlert.expr).toContain('{input="container_memory_working_set_bytes", cgroup="pod"}');
    expect(podAlert.annotations.description).toContain('series of pod cgroups');
  });

  it('expects a series born with a restart only where a container restarted', () => {
    const rule = alertRules(rulesOf(example)).find(
      (candidate) => candidate.labels.input === 'kube_pod_container_status_last_terminated_reason',
    )!;
    expect(rule.expr).toMatch(/^label_replace\(group by \(\) \(headroom:container_restarts_total:max > 0\)/);
    expect(rule.annotations.description).toContain(
      'while containers have restarted (each then has a last termination)',
    );
  });

  it('watches nothing when no alert is on', () => {
    const none = ALERTS.reduce((model, alert) => withOff(model, alert.key), example);
    expect(rulesOf(none)).toEqual([]);
  });
});
