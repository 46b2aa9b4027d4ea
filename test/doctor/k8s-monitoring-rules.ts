// The prometheus.relabel rules Grafana k8s-monitoring 4.4 renders for one cluster-metrics source, as far as they
// touch the series headroom reads (grafana/k8s-monitoring-helm, commit 19631109946d,
// charts/k8s-monitoring/charts/feature-cluster-metrics/templates/_{cadvisor,kubelet,kube_state_metrics}.alloy.tpl):
// the allowlist keep (default list and includeMetrics), the excludeMetrics drop, cadvisor's empty-label drops, then
// extraMetricProcessingRules. cadvisor's machine_memory_bytes, filesystem-device and network-device rules touch no
// series headroom reads and are left out.
import { alloyRules, type RelabelRule } from './relabel.ts';

type Source = 'cadvisor' | 'kubelet' | 'kube-state-metrics';

interface SourceValues {
  metricsTuning: {
    useDefaultAllowList: boolean;
    includeMetrics: string[];
    excludeMetrics: string[];
    dropEmptyContainerLabels?: boolean;
    dropEmptyImageLabels?: boolean;
  };
  extraMetricProcessingRules: string;
}

export function clusterMetricsRules(
  source: Source,
  clusterMetrics: Record<Source, SourceValues>,
  defaultAllowList: readonly string[],
): RelabelRule[] {
  const { metricsTuning: tuning, extraMetricProcessingRules } = clusterMetrics[source];
  const scrape = ['up', 'scrape_samples_scraped'];
  const allowList = [
    ...(tuning.useDefaultAllowList ? [...scrape, ...defaultAllowList] : []),
    ...(tuning.includeMetrics.length > 0 ? [...scrape, ...tuning.includeMetrics] : []),
  ];
  const rules: RelabelRule[] = [];
  if (allowList.length > 0) rules.push({ sourceLabels: ['__name__'], regex: allowList.join('|'), action: 'keep' });
  if (tuning.excludeMetrics.length > 0)
    rules.push({ sourceLabels: ['__name__'], regex: tuning.excludeMetrics.join('|'), action: 'drop' });
  if (tuning.dropEmptyContainerLabels)
    rules.push({
      sourceLabels: ['__name__', 'container'],
      separator: '@',
      regex: '(container_cpu_.*|container_fs_.*|container_memory_.*|container_pressure_.*)@',
      action: 'drop',
    });
  if (tuning.dropEmptyImageLabels)
    rules.push({
      sourceLabels: ['__name__', 'image'],
      separator: '@',
      regex: '(container_cpu_.*|container_fs_.*|container_memory_.*|container_network_.*|container_pressure_.*)@',
      action: 'drop',
    });
  return [...rules, ...alloyRules(extraMetricProcessingRules)];
}
