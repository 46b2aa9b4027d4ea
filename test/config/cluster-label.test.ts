// The cluster label joins every aggregation: one named like a label headroom sets (team, severity) or keys rules by
// (namespace, pod, container, node) would merge the clusters into it. Found by the fuzzer (test/fuzz/defects.ts).
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { RESERVED_LABELS } from '../../src/config/reserved-labels.ts';

const base = { defaultTeam: 'platform', links: { grafanaUrl: 'https://grafana.test', runbookUrlPattern: 'https://runbooks.test/%s' } };

describe('cluster.label', () => {
  for (const label of RESERVED_LABELS) {
    it(`refuses ${label}`, () => {
      const parsed = configSchema.safeParse({ ...base, cluster: { label } });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['cluster', 'label']);
      expect(parsed.error?.issues[0]?.message).toMatch(/is set by headroom/);
    });
  }
  it('accepts cluster, k8s_cluster and the default', () => {
    for (const cluster of [{ label: 'cluster' }, { label: 'k8s_cluster' }, {}]) expect(configSchema.safeParse({ ...base, cluster }).success).toBe(true);
  });
});
