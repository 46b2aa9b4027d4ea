// The benchmark's pure helpers: the synthetic cluster exposes exactly the series it claims (the report prints those
// counts), is the same on every run, and the bench teams claim exactly their own group's namespaces.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCluster, CONTAINERS_PER_POD, groupNamespaces, SYSTEM_NAMESPACES } from '../../bench/cluster.ts';
import { renderCadvisor, renderKubeStateMetrics, seriesCounts } from '../../bench/exposition.ts';
import { teamSpec, writeBenchConfig } from '../../bench/bench-config.ts';
import { benchRules } from '../../bench/rule-parts.ts';
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

  for (const killed of [false, true]) {
    it(`exposes exactly the series seriesCounts reports (kills applied: ${killed})`, () => {
      const counts = seriesCounts(cluster, killed);
      const cadvisor = renderCadvisor(cluster, 3);
      const ksm = renderKubeStateMetrics(cluster, killed);
      expect(seriesLines(cadvisor)).toHaveLength(counts.cadvisor);
      expect(seriesLines(ksm)).toHaveLength(counts.kubeStateMetricsPerReplica);
      // cadvisor: one series per container, plus the pod cgroup and the pause container of every pod.
      expect(seriesLines(cadvisor).filter((line) => line.includes('container=""'))).toHaveLength(cluster.pods.length);
      expect(seriesLines(cadvisor).filter((line) => line.includes('container="POD"'))).toHaveLength(
        cluster.pods.length,
      );
      // kube-state-metrics: limits only where set, so some containers have none.
      const limits = metricCount(ksm, 'kube_pod_container_resource_limits');
      expect(limits).toBe(cluster.containers.filter((c) => c.limit !== undefined).length);
      expect(limits).toBeLessThan(cluster.containers.length);
      expect(metricCount(ksm, 'kube_node_status_condition')).toBe(3 * cluster.nodes.length);
    });
  }

  it('the kills of the run add a restart and an OOMKilled reason', () => {
    const killedCount = cluster.containers.filter((c) => c.killedDuringRun).length;
    expect(killedCount).toBeGreaterThan(0);
    const oom = (killed: boolean) =>
      seriesLines(renderKubeStateMetrics(cluster, killed)).filter((line) => line.includes('reason="OOMKilled"')).length;
    const alreadyOom = cluster.containers.filter(
      (c) => c.killedDuringRun && c.lastTerminatedReason === 'OOMKilled',
    ).length;
    expect(oom(true) - oom(false)).toBe(killedCount - alreadyOom);
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

  it('the written config generates, and every loaded rule is assigned a part of the structure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-bench-test-'));
    const { groups, measured } = await benchRules(writeBenchConfig(dir, 20, 20, 4), 'headroom_n20').finally(() =>
      rmSync(dir, { recursive: true }),
    );
    expect(measured.length).toBe(groups.flatMap((group) => group.rules).length);
    const rulesOf = (part: string) => measured.filter((m) => m.part === part).length;
    // Ownership: one decision for every namespace, and the teams table (per owner, 20 teams and the catch-all: its
    // labels, its threshold and its evidence margin); alerts per distinct setting; the threshold per namespace and the
    // containers above the lowest threshold once; the OOM chain's recordings once per OOM window (init container types,
    // restarts, OOM events, the kills by reason, exit-137 restarts, those with an OOM event, their peak ratio).
    expect(rulesOf('ownership')).toBe(1 + 21 * 3);
    expect(rulesOf('namespace containers')).toBe(1);
    expect(rulesOf('above threshold')).toBe(1);
    expect(rulesOf('OOM restarts')).toBe(7);
    expect(rulesOf('thresholds')).toBe(1);
    expect(rulesOf('near-limit alerts')).toBe(4);
    // Node ownership: the nodes seen and one decision.
    expect(rulesOf('node ownership')).toBe(2);
    expect(JSON.stringify(groups)).not.toMatch(/\bheadroom:/);
    // Each set's alerts carry their own label, so two sets never write the same ALERTS series.
    for (const m of measured) if ('alert' in m.rule) expect(m.rule.labels.bench_set).toBe('headroom_n20');
  });
});
