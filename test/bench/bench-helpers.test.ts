// The benchmark's pure helpers: the synthetic cluster exposes exactly the series it claims (the report prints those
// counts), is the same on every run, and the bench teams claim exactly their own group's namespaces.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCluster, CONTAINERS_PER_POD, groupNamespaces, SYSTEM_NAMESPACES } from '../../bench/cluster.ts';
import { renderCadvisor, renderKubelet, renderKubeStateMetrics, seriesCounts } from '../../bench/exposition.ts';
import { teamSpec, writeBenchConfig } from '../../bench/bench-config.ts';
import { benchRules, chainGroups } from '../../bench/rule-parts.ts';
import { ALL_ALERTS } from '../../src/alerts/catalogue.ts';
import { matchesPattern } from '../../src/values/name-pattern.ts';

const seriesLines = (text: string) => text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
const metricCount = (text: string, metric: string) =>
  seriesLines(text).filter((line) => line.startsWith(`${metric}{`)).length;

describe('synthetic cluster', () => {
  const cluster = buildCluster({ containers: 1000, groups: 20 });

  it('spreads the containers over pods of two, every namespace of every group plus the system ones', () => {
    expect(cluster.containers).toHaveLength(1000);
    expect(cluster.pods).toHaveLength(1000 / CONTAINERS_PER_POD);
    expect(cluster.namespaces).toHaveLength(20 * 4 + SYSTEM_NAMESPACES.length);
    expect(new Set(cluster.containers.map((c) => c.namespace))).toEqual(new Set(cluster.namespaces));
  });

  it('is the same on every run', () => {
    expect(buildCluster({ containers: 1000, groups: 20 })).toEqual(cluster);
  });

  for (const rounds of [0, 2]) {
    it(`exposes exactly the series seriesCounts reports (kill rounds: ${rounds})`, () => {
      const counts = seriesCounts(cluster, rounds);
      const cadvisor = renderCadvisor(cluster, 3, rounds);
      const ksm = renderKubeStateMetrics(cluster, rounds);
      const kubelet = renderKubelet(cluster, rounds);
      expect(seriesLines(cadvisor)).toHaveLength(counts.cadvisor);
      expect(seriesLines(ksm)).toHaveLength(counts.kubeStateMetricsPerReplica);
      expect(seriesLines(kubelet)).toHaveLength(counts.kubelet);
      // cadvisor: working set and OOM events per container; the pod cgroup's working set and limit, the pause
      // container's working set.
      expect(metricCount(cadvisor, 'container_memory_working_set_bytes')).toBe(1000 + 2 * cluster.pods.length);
      expect(metricCount(cadvisor, 'container_oom_events_total')).toBe(1000);
      expect(metricCount(cadvisor, 'container_spec_memory_limit_bytes')).toBe(cluster.pods.length);
      // kube-state-metrics: limits only where set, so some containers have none; requests everywhere.
      const limits = metricCount(ksm, 'kube_pod_container_resource_limits');
      expect(limits).toBe(cluster.containers.filter((c) => c.limit !== undefined).length);
      expect(limits).toBeLessThan(cluster.containers.length);
      expect(metricCount(ksm, 'kube_pod_container_resource_requests')).toBe(1000);
      expect(metricCount(ksm, 'kube_node_status_condition')).toBe(3 * cluster.nodes.length);
      expect(metricCount(ksm, 'kube_pod_init_container_info')).toBe(cluster.pods.filter((p) => p.initContainer).length);
      expect(metricCount(ksm, 'kube_pod_status_phase')).toBe(2 * cluster.pods.length);
      expect(metricCount(kubelet, 'kubelet_node_name')).toBe(cluster.nodes.length);
      expect(metricCount(kubelet, 'kubelet_evictions')).toBe(cluster.pressuredNodes.size);
    });
  }

  it('each kill round adds a restart with reason OOMKilled and exit code 137, and OOM events', () => {
    const killed = cluster.containers.filter((c) => c.killedDuringRun);
    expect(killed.length).toBeGreaterThan(0);
    const sampleOf = (text: string, metric: string, c: { pod: string; container: string }) =>
      Number(
        seriesLines(text)
          .find(
            (line) =>
              line.startsWith(`${metric}{`) &&
              line.includes(`pod="${c.pod}"`) &&
              line.includes(`container="${c.container}"`),
          )
          ?.split(' ')
          .at(-1),
      );
    for (const c of killed) {
      const [before, after] = [0, 3].map((rounds) => renderKubeStateMetrics(cluster, rounds));
      expect(sampleOf(after!, 'kube_pod_container_status_restarts_total', c)).toBe(c.restarts + 3);
      expect(sampleOf(before!, 'kube_pod_container_status_restarts_total', c)).toBe(c.restarts);
      expect(sampleOf(after!, 'kube_pod_container_status_last_terminated_exitcode', c)).toBe(137);
      expect(after).toContain(
        `container="${c.container}",namespace="${c.namespace}",pod="${c.pod}",reason="OOMKilled"`,
      );
      expect(sampleOf(renderCadvisor(cluster, 0, 3), 'container_oom_events_total', c)).toBe(c.oomEvents + 3);
    }
  });
});

describe('bench teams', () => {
  it('each team claims exactly its own group of namespaces, by names or by glob', () => {
    const groups = 12;
    const all = Array.from({ length: groups }, (_, i) => groupNamespaces(i + 1, groups)).flat();
    for (let g = 1; g <= groups; g++) {
      const spec = teamSpec(g, groups, 4);
      const claimed = all.filter((namespace) => spec.namespaces.some((pattern) => matchesPattern(namespace, pattern)));
      expect(claimed).toEqual(groupNamespaces(g, groups));
    }
    expect(teamSpec(1, groups, 4).namespaces.some((p) => p.includes('*'))).toBe(false);
    expect(teamSpec(2, groups, 4).namespaces.some((p) => p.includes('*'))).toBe(true);
  });

  it('the written config generates every alert, and every rule is assigned a part of the structure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-bench-test-'));
    const rules = await benchRules(writeBenchConfig(dir, 20, 20, 4), 'headroom_n20').finally(() =>
      rmSync(dir, { recursive: true }),
    );
    const { groups, measured } = rules;
    expect(measured.length).toBe(groups.flatMap((group) => group.rules).length);
    const alerts = new Set(measured.flatMap((m) => ('alert' in m.rule ? [m.rule.alert] : [])));
    expect([...alerts].sort()).toEqual(ALL_ALERTS.map((alert) => alert.name).sort());
    const rulesOf = (part: string) => measured.filter((m) => m.part === part).length;
    // Ownership: one decision for every namespace, and the teams table (per owner, 20 teams and the catch-all: its
    // labels, its threshold and its evidence margin); alerts per distinct setting; the threshold per namespace and the
    // containers above the lowest threshold once.
    expect(rulesOf('ownership')).toBe(1 + 21 * 3);
    expect(rulesOf('namespace containers')).toBe(1);
    expect(rulesOf('above threshold')).toBe(1);
    expect(rulesOf('thresholds')).toBe(1);
    expect(rulesOf('near-limit alerts')).toBe(4);
    // The OOM chain's recordings once per window: init container types, restarts, kills by reason; the evidence of
    // exit code 137 (OOM events, exit-137 restarts, those with an OOM event, their peak ratio) on its own.
    expect(rulesOf('OOM restarts')).toBe(3);
    expect(rulesOf('exit-137 evidence')).toBe(4);
    expect(rulesOf('node ownership')).toBe(2);
    expect(JSON.stringify(groups)).not.toMatch(/\bheadroom:/);
    for (const m of measured) if ('alert' in m.rule) expect(m.rule.labels.bench_set).toBe('headroom_n20');

    // A chain holds its alert and what it reads, transitively: the near-limit chain reads the ratio through the
    // containers above the threshold; the OOM chain leaves out the evidence, and no chain holds another alert.
    const chainRules = (chain: 'near-limit' | 'oom') => chainGroups(rules, chain).flatMap((group) => group.rules);
    const partsOf = (chain: 'near-limit' | 'oom') =>
      new Set(chainRules(chain).map((rule) => measured.find((m) => m.rule === rule)!.part));
    expect([...partsOf('near-limit')].sort()).toEqual(
      [
        'above threshold',
        'namespace containers',
        'near-limit alerts',
        'ownership',
        'ratio',
        'restart counter',
        'thresholds',
      ].sort(),
    );
    expect(partsOf('oom').has('OOM alerts')).toBe(true);
    expect(partsOf('oom').has('OOM restarts')).toBe(true);
    expect(partsOf('oom').has('exit-137 evidence')).toBe(false);
    expect(partsOf('oom').has('near-limit alerts')).toBe(false);
  });
});
