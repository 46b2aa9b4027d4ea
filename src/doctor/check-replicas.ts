// kube-state-metrics run as replicas (HA) report every container twice: headroom's rules deduplicate (max by), so
// this is said, not counted against the alerts — a naive rule on the same store would alert twice.
import type { Model } from '../model/model.ts';
import { binary, by, count, print, selector } from '../promql/index.ts';
import { INPUT } from '../rules/input-series.ts';
import { clusterOf } from './check-series.ts';
import { exporterMatchers } from './families.ts';
import type { Finding } from './findings.ts';
import type { QueryApi } from './query-api.ts';

export async function replicaFindings(model: Model, api: QueryApi): Promise<Finding[]> {
  const cluster = model.clusterLabel ? [model.clusterLabel] : [];
  const restarts = selector(INPUT.restarts.metric, ...exporterMatchers(model, 'kube-state-metrics'));
  const perContainer = count(by([...cluster, ...INPUT.restarts.key]), restarts);
  const samples = await api.query(print(count(by(cluster), binary(perContainer, '>', 1))));
  return samples.map((sample) => ({
    check: 'replicas',
    cluster: clusterOf(model, sample) || undefined,
    subject: INPUT.restarts.metric,
    message:
      `containers reported by more than one kube-state-metrics replica: ${sample.value}; ` +
      "headroom's rules keep one (max by), naive rules would alert twice",
    blinds: [],
    degrades: [],
    fixes: [],
  }));
}
