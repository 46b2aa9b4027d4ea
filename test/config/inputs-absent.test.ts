// `inputs.absent` takes the metrics headroom's alerts read, nothing else: a misspelt one is bad input at its line and
// key, with the nearest known name, and nothing is written; a known one holds back exactly the alerts that need it.
import { describe, expect, it } from 'vitest';
import { ALERTS } from '../../src/alerts/catalogue.ts';
import { suggestedMetric } from '../../src/config/inputs-schema.ts';
import { ruleGroups } from '../../src/rule-groups/rule-groups.ts';
import { isAlertingRule } from '../../src/rules/rule-types.ts';
import { generate } from '../../src/generate.ts';
import { runCli } from '../helpers/run-cli.ts';
import { tempProject } from '../helpers/temp-project.ts';
import { join } from 'node:path';

/** The example project with `inputs` set as given (TypeScript text), and any other edit of the config. */
function projectWith(inputs: string, edit: (text: string) => string = (text) => text) {
  const project = tempProject('example');
  const text = project.read('headroom.config.ts');
  const edited = edit(text.replace("defaultTeam: 'platform',", `defaultTeam: 'platform',\n  inputs: ${inputs},`));
  expect(edited).not.toBe(text);
  project.write('headroom.config.ts', edited);
  return project;
}

describe('inputs.absent: unknown metrics', () => {
  it('a misspelt metric is refused at its line and key with the nearest one, exit 2, nothing written', async () => {
    const project = projectWith("{ absent: ['kubelet_evictions', 'container_oom_event_total'] }");
    const before = project.snapshot('.');
    const result = await runCli(['generate'], project.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'headroom: invalid input, nothing written:\n' +
        'headroom.config.ts:6:43: inputs.absent.1: unknown input metric "container_oom_event_total": did you mean ' +
        'container_oom_events_total?\n',
    );
    expect(project.snapshot('.')).toEqual(before);
  });

  it('a name near none of them lists the metrics headroom reads', async () => {
    const result = await runCli(['validate'], projectWith("{ absent: ['node_memory_MemAvailable_bytes'] }").dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('inputs.absent.0: unknown input metric "node_memory_MemAvailable_bytes" (');
    for (const metric of ['container_oom_events_total', 'kube_pod_info', 'kubelet_evictions'])
      expect(result.stderr).toContain(metric);
    expect(result.stderr).not.toContain('did you mean');
  });

  it('suggests within a few typos only, in any case', () => {
    expect(suggestedMetric('KUBELET_EVICTIONS')).toBe('kubelet_evictions');
    expect(suggestedMetric('kube_pod_container_status_restart_total')).toBe('kube_pod_container_status_restarts_total');
    expect(suggestedMetric('up')).toBeUndefined();
    expect(suggestedMetric('kube_node_labels')).toBeUndefined();
  });
});

describe('inputs.absent: what is not generated', () => {
  const alertNames = async (dir: string) => {
    const { model } = await generate(join(dir, 'headroom.config.ts'));
    const names = ruleGroups(model).flatMap((group) => group.rules.filter(isAlertingRule).map((rule) => rule.alert));
    return { model, names: new Set(names) };
  };

  it('the alerts that need a declared-absent metric, for every team; the others stay', async () => {
    const { model, names } = await alertNames(projectWith("{ absent: ['container_oom_events_total'] }").dir);
    const needing = ALERTS.filter((alert) =>
      alert.inputs.some((input) => input.metric === 'container_oom_events_total' && input.optional === undefined),
    ).map((alert) => alert.name);
    expect(needing.length).toBeGreaterThan(0);
    for (const alert of ALERTS) expect(names.has(alert.name), alert.name).toBe(!needing.includes(alert.name));
    expect(model.notGenerated.map((held) => held.alert)).toEqual(needing);
    for (const held of model.notGenerated) {
      expect(held.needs).toEqual(['container_oom_events_total']);
      // The example's teams all keep the defaults' enabled, and the catch-all is platform's.
      expect(held.onFor).toEqual(['payments', 'platform', 'search']);
    }
    // Off in every owner's settings, which the rules, the teams table and the dashboards read.
    for (const alert of ALERTS.filter((alert) => needing.includes(alert.name)))
      for (const owner of model.owners)
        expect(owner.alerts[alert.key].enabled, `${owner.team} ${alert.key}`).toBe(false);
  });

  it('a limit series of the other limit source holds back nothing that reads it only under that source', async () => {
    const { names } = await alertNames(projectWith("{ absent: ['container_spec_memory_limit_bytes'] }").dir);
    const underCadvisorOnly = ALERTS.filter((alert) =>
      alert.inputs
        .filter((input) => input.metric === 'container_spec_memory_limit_bytes')
        .every((input) => input.limitSource === 'cadvisor'),
    );
    expect(underCadvisorOnly.length).toBeGreaterThan(0);
    for (const alert of underCadvisorOnly) expect(names.has(alert.name), alert.name).toBe(true);
  });

  it('an alert off for every team is not reported as held back', async () => {
    const project = projectWith("{ absent: ['kubelet_evictions'] }", (text) =>
      text.replace('alerts: {', 'alerts: {\n    nodeMemoryEvictions: { enabled: false },'),
    );
    const { model } = await alertNames(project.dir);
    expect(model.notGenerated).toEqual([]);
    expect(model.absentInputs).toEqual(['kubelet_evictions']);
  });

  it('generate says which alerts are not generated, and warns at the declaration', async () => {
    const project = projectWith("{ absent: ['kube_pod_status_phase'] }");
    const result = await runCli(['generate', '--out', 'out'], project.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^headroom: wrote out \(\d+ files, \d+ alerting and \d+ recording rules; /);
    expect(result.stdout).toContain(
      '; not generated, inputs declared absent: PodsEvicted (needs kube_pod_status_phase))\n',
    );
    expect(result.stderr).toContain('inputs.absent.0: warning: kube_pod_status_phase is declared absent: PodsEvicted');
    const plain = await runCli(['generate', '--out', 'plain'], tempProject('example').dir);
    expect(plain.stdout).not.toContain('not generated');
  });
});
