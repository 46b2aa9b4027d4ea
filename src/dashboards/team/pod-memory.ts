// Team dashboard: pods whose only memory limit is their own (Kubernetes 1.34+ pod-level `spec.resources`, no container
// declares a limit). Their containers have no limit series, so the container panels above show no limit and no % for
// them; the kernel kills a container of the pod when the pod's working set reaches the pod's limit. The pods shown are
// those the rules record for the PodMemoryNearLimit alert, so the panels and the alert judge the same pods.
import type { Model } from '../../model/model.ts';
import { binary, by, type Expr, max, on, selector } from '../../promql/index.ts';
import { keyOf } from '../../rules/keys.ts';
import { POD_MEMORY_RATIO } from '../../rules/record-names.ts';
import { sourceSeries } from '../../rules/source-series.ts';
import { clusterLegend } from '../clusters.ts';
import { rangeQuery, row, timeseriesPanel } from '../common.ts';
import type { Section } from '../section.ts';
import type { TeamScope } from './team-scope.ts';

const DASHED = { id: 'custom.lineStyle', value: { fill: 'dash', dash: [10, 10] } };

const POD_LIMIT_DESCRIPTION =
  'Pods with a pod-level memory limit (Kubernetes 1.34+) and no container limit, as recorded for the ' +
  'PodMemoryNearLimit alert: the pod cgroup\'s working set against its memory.max (cadvisor, container=""). ' +
  'Empty where no pod sets one, or where the alert is off.';

export function podMemorySection(model: Model, scope: TeamScope): Section {
  const source = sourceSeries(model);
  const key = keyOf(model, 'namespace', 'pod');
  const ratio = selector(POD_MEMORY_RATIO, ...scope.containers);
  // The pod cgroup's bytes, only for the pods the alert judges (a pod with container limits has the sum of them here).
  const ofJudgedPods = (inner: Expr) => scope.owned(binary(max(by(key), inner), 'and', ratio, on(key), 'lines'));
  const legend = clusterLegend(model, '{{namespace}}/{{pod}}');
  return {
    row: row(500, 'Memory per pod with a pod-level limit'),
    panels: [
      timeseriesPanel(501, 'Pod working set and pod-level memory limit', 'bytes')
        .description(`${POD_LIMIT_DESCRIPTION} Dashed: the pod's limit.`)
        .withTarget(rangeQuery('A', ofJudgedPods(source.podWorkingSet(...scope.containers)), legend))
        .withTarget(rangeQuery('B', ofJudgedPods(source.podMemoryLimit(...scope.containers)), `limit ${legend}`))
        .overrideByQuery('B', [DASHED]),
      timeseriesPanel(502, '% of pod-level memory limit', 'percentunit')
        .description(
          `${POD_LIMIT_DESCRIPTION} PodMemoryNearLimit fires above the threshold of the namespace's owner (firing ` +
            'alerts below carry it as label threshold).',
        )
        .min(0)
        .axisSoftMax(1)
        .withTarget(rangeQuery('A', scope.owned(ratio), legend)),
    ],
  };
}
