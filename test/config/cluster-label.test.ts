// The cluster label joins every aggregation: one named like a label headroom sets (team, severity) or keys rules by
// (namespace, pod, container, node) would merge the clusters into it. Found by the fuzzer (test/fuzz/defects.ts).
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { RESERVED_LABELS } from '../../src/values/reserved-labels.ts';

const base = {
  defaultTeam: 'platform',
  links: { grafanaUrl: 'https://grafana.test', runbookUrlPattern: 'https://runbooks.test/%s' },
};

describe('cluster.label', () => {
  for (const label of RESERVED_LABELS) {
    it(`refuses ${label}`, () => {
      const parsed = configSchema.safeParse({ ...base, cluster: { label } });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['cluster', 'label']);
      expect(parsed.error?.issues[0]?.message).toMatch(/is set by headroom/);
    });
  }
  // A label of the selectors differs between exporters: no cadvisor series would ever join a kube-state-metrics one.
  it.each([
    ['job', 'selectors.cadvisor'],
    ['metrics_path', 'selectors.cadvisor'],
  ])('refuses %s, which the default selectors match on', (label, selector) => {
    const parsed = configSchema.safeParse({ ...base, cluster: { label } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['cluster', 'label']);
    expect(parsed.error?.issues[0]?.message).toContain(`is matched by ${selector}`);
  });

  it('refuses a label a custom selector matches on, accepts it when no selector does', () => {
    const selectors = { kubeStateMetrics: 'service="ksm"' };
    expect(
      configSchema.safeParse({ ...base, selectors, cluster: { label: 'service' } }).error?.issues[0]?.message,
    ).toContain('is matched by selectors.kubeStateMetrics');
    expect(configSchema.safeParse({ ...base, cluster: { label: 'service' } }).success).toBe(true);
  });

  it('accepts cluster, k8s_cluster and the default', () => {
    for (const cluster of [{ label: 'cluster' }, { label: 'k8s_cluster' }, {}])
      expect(configSchema.safeParse({ ...base, cluster }).success).toBe(true);
  });
});
