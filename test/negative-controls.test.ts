// The scenarios must catch the naive rules of blog posts: each mutation below swaps one generated alert for a
// known-wrong form and expects `promtool test rules` to fail. A scenario that passed them would prove nothing.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFixture, ruleGroupsOf, writeRuleFile } from './helpers/generate-fixture.ts';
import { REPO_ROOT } from './helpers/paths.ts';
import { ENGINES, testRules } from './helpers/promtool.ts';

type Rule = { alert?: string; record?: string; expr: string };
type Group = { name: string; rules: Rule[] };

const KSM = 'job="kube-state-metrics"';
const CADVISOR = 'job="kubelet", metrics_path="/metrics/cadvisor"';
const OWNER = '* on (namespace) group_left (team, pager, slack_channel) headroom:namespace_owner:info';

const mutations: { name: string; scenario: string; alert: string; expr: string }[] = [
  {
    name: 'last_terminated_reason alone fires forever',
    scenario: 'container-oom-killed.test.yaml',
    alert: 'ContainerOOMKilled',
    expr: `(max by (namespace, pod, container) (kube_pod_container_status_last_terminated_reason{${KSM}, reason="OOMKilled"}) == 1) ${OWNER}`,
  },
  {
    name: 'x - x offset 10m misses young pods',
    scenario: 'container-oom-killed.test.yaml',
    alert: 'ContainerOOMKilled',
    expr:
      `((max by (namespace, pod, container) (kube_pod_container_status_restarts_total{${KSM}} - kube_pod_container_status_restarts_total{${KSM}} offset 10m) > 0)` +
      ` and on (namespace, pod, container) (max by (namespace, pod, container) (kube_pod_container_status_last_terminated_reason{${KSM}, reason="OOMKilled"}) == 1)) ${OWNER}`,
  },
  {
    name: 'any restart counts as an OOM kill',
    scenario: 'container-oom-killed.test.yaml',
    alert: 'ContainerOOMKilled',
    expr: `(max by (namespace, pod, container) (increase(kube_pod_container_status_restarts_total{${KSM}}[10m])) > 0) ${OWNER}`,
  },
  {
    name: 'summing working set counts the pod-level cgroup twice',
    scenario: 'container-memory-near-limit.test.yaml',
    alert: 'ContainerMemoryNearLimit',
    expr:
      `(sum by (namespace, pod) (container_memory_working_set_bytes{${CADVISOR}}) / sum by (namespace, pod) (kube_pod_container_resource_limits{${KSM}, resource="memory"}) > 0.85)` +
      ` * on (namespace) group_left (team, pager, slack_channel) headroom:namespace_owner:info`,
  },
  {
    name: 'one global threshold ignores team overrides',
    scenario: 'container-memory-near-limit.test.yaml',
    alert: 'ContainerMemoryNearLimit',
    expr: `headroom:container_memory_working_set:ratio_limit > 0.85 * on (namespace) group_left (team, pager, slack_channel) headroom:namespace_owner:info`,
  },
];

for (const engine of ENGINES) {
  describe(`${engine.name}: the scenarios reject naive rules`, () => {
    for (const mutation of mutations) {
      it(mutation.name, async () => {
        const groups = ruleGroupsOf(await generateFixture('example')) as Group[];
        const mutated = groups.map((group) => ({
          ...group,
          rules: group.rules
            .filter((rule, i, rules) => rule.alert !== mutation.alert || rules.findIndex((r) => r.alert === mutation.alert) === i)
            .map((rule) => (rule.alert === mutation.alert ? { ...rule, expr: mutation.expr } : rule)),
        }));
        const dir = mkdtempSync(join(tmpdir(), 'headroom-mutant-'));
        writeRuleFile(mutated, join(dir, 'rules.yaml'));
        const result = testRules(engine, join(REPO_ROOT, 'test/promtool/example', mutation.scenario), dir);
        expect(result.output).toContain('FAILED');
        expect(result.code).not.toBe(0);
      });
    }
  });
}
