// Grafana k8s-monitoring-helm 4.x (grafana/k8s-monitoring-helm, charts/k8s-monitoring 4.4.0, commit 19631109946d, tag
// k8s-monitoring-4.4.0). Paths below are relative to charts/k8s-monitoring/charts/feature-cluster-metrics (the
// parent's `clusterMetrics:` values) unless named otherwise.
import { INPUT } from '../../rules/input-series.ts';
import { KEPT, type StackFixes } from '../stack-data.ts';

// default-allow-lists/cadvisor.yaml keeps container_memory_working_set_bytes but neither container_oom_events_total
// nor container_spec_memory_limit_bytes; templates/_cadvisor.alloy.tpl appends metricsTuning.includeMetrics to the
// allowlist (a keep rule on __name__). The list replaces the default [] whole: one list for every cadvisor metric.
const CADVISOR_INCLUDE = {
  why:
    'k8s-monitoring keeps only the cAdvisor series of its allowlist (default-allow-lists/cadvisor.yaml); it has no ' +
    'container_oom_events_total and no container_spec_memory_limit_bytes.',
  snippet: `clusterMetrics:
  cadvisor:
    metricsTuning:
      includeMetrics:
        - container_oom_events_total
        - container_spec_memory_limit_bytes
`,
  language: 'yaml',
} as const;

// default-allow-lists/kubelet.yaml keeps kubelet_node_name, not kubelet_evictions (templates/_kubelet.alloy.tpl).
const KUBELET_INCLUDE = {
  why:
    'k8s-monitoring keeps only the kubelet series of its allowlist (default-allow-lists/kubelet.yaml): ' +
    'no kubelet_evictions.',
  snippet: `clusterMetrics:
  kubelet:
    metricsTuning:
      includeMetrics:
        - kubelet_evictions
`,
  language: 'yaml',
} as const;

// default-allow-lists/kube-state-metrics.yaml keeps kube_pod_init_.*, kube_node.*, limits, requests, restarts, the
// last terminated reason, kube_pod_status_{phase,reason} and kube_pod_info; not the exit code (nor
// kube_namespace_labels, see namespaceLabels).
const EXIT_CODE_INCLUDE = {
  why:
    'k8s-monitoring keeps only the kube-state-metrics series of its allowlist ' +
    '(default-allow-lists/kube-state-metrics.yaml): no kube_pod_container_status_last_terminated_exitcode.',
  snippet: `clusterMetrics:
  kube-state-metrics:
    metricsTuning:
      includeMetrics:
        - kube_pod_container_status_last_terminated_exitcode
`,
  language: 'yaml',
} as const;

// charts/telemetry-services/Chart.yaml deploys the kube-state-metrics chart 8.3.0 (telemetryServices.kube-state-metrics
// .deploy, default false), whose appVersion is 2.19.1 (prometheus-community/helm-charts charts/kube-state-metrics
// Chart.yaml at ab84dd93a); the init-container exit code came in 2.20.0 (kubernetes/kube-state-metrics CHANGELOG.md,
// v2.20.0, #3000). The chart's image.tag "" means v + appVersion.
const KSM_2_20 = {
  why:
    'The kube-state-metrics k8s-monitoring 4.4 deploys (chart 8.3.0) is 2.19.1: ' +
    'kube_pod_init_container_status_last_terminated_exitcode needs 2.20.',
  snippet: `telemetryServices:
  kube-state-metrics:
    image:
      tag: v2.20.0
`,
  language: 'yaml',
} as const;

// telemetry-services values.yaml: kube-state-metrics.metricLabelsAllowlist holds one default entry, for nodes; a list
// given in values replaces it, so the fix repeats it.
const NODE_LABELS =
  'nodes=[agentpool,alpha.eksctl.io/cluster-name,alpha.eksctl.io/nodegroup-name,beta.kubernetes.io/instance-type,' +
  'cloud.google.com/gke-nodepool,cluster-name,ec2.amazonaws.com/Name,ec2.amazonaws.com/aws-autoscaling-groupName,' +
  'ec2.amazonaws.com/aws-autoscaling-group-name,ec2.amazonaws.com/name,eks.amazonaws.com/nodegroup,' +
  'k8s.io/cloud-provider-aws,karpenter.sh/nodepool,kubernetes.azure.com/cluster,kubernetes.io/arch,' +
  'kubernetes.io/hostname,kubernetes.io/os,node.kubernetes.io/instance-type,topology.kubernetes.io/region,' +
  'topology.kubernetes.io/zone]';

// templates/_cadvisor.alloy.tpl: dropEmptyContainerLabels drops container_(cpu|fs|memory|pressure)_.* with
// container="", dropEmptyImageLabels the same and container_network_.* with image="" (both default true); the pod
// cgroup has both empty. extraMetricProcessingRules come last in the same prometheus.relabel component: these rules
// drop what the two options dropped, except the pod cgroup's working set.
const EMPTY_LABEL_SERIES =
  '(container_cpu_.*|container_fs_.*|container_memory_.*|container_network_.*|container_pressure_.*)';
const POD_CGROUP = `clusterMetrics:
  cadvisor:
    metricsTuning:
      dropEmptyContainerLabels: false   # both drop the pod cgroup (container="", image="");
      dropEmptyImageLabels: false       # the rules below drop the same series but keep its working set
    extraMetricProcessingRules: |
      rule {
        source_labels = ["__name__", "container", "pod"]
        separator     = "@"
        regex         = "container_memory_working_set_bytes@@.+"
        target_label  = "__headroom_pod_cgroup"
        replacement   = "1"
      }
      rule {
        source_labels = ["__name__", "image", "__headroom_pod_cgroup"]
        separator     = "@"
        regex         = "${EMPTY_LABEL_SERIES}@@"
        action        = "drop"
      }
      rule {
        target_label = "__headroom_pod_cgroup"
        replacement  = ""
      }
`;

export const k8sMonitoringHelm: StackFixes = {
  stack: 'k8s-monitoring-helm',
  page: 'docs/stacks/k8s-monitoring-helm.md',
  metrics: {
    [INPUT.workingSet.metric]: KEPT,
    [INPUT.cadvisorLimit.metric]: CADVISOR_INCLUDE,
    [INPUT.oomEvents.metric]: CADVISOR_INCLUDE,
    [INPUT.limits.metric]: KEPT,
    [INPUT.initLimits.metric]: KEPT,
    [INPUT.requests.metric]: KEPT,
    [INPUT.restarts.metric]: KEPT,
    [INPUT.lastReason.metric]: KEPT,
    [INPUT.lastExitCode.metric]: EXIT_CODE_INCLUDE,
    [INPUT.initRestarts.metric]: KEPT,
    [INPUT.initLastReason.metric]: KEPT,
    [INPUT.initLastExitCode.metric]: KSM_2_20,
    [INPUT.initInfo.metric]: KEPT,
    [INPUT.nodeCondition.metric]: KEPT,
    [INPUT.podReason.metric]: KEPT,
    [INPUT.podPhase.metric]: KEPT,
    [INPUT.podInfo.metric]: KEPT,
    [INPUT.evictions.metric]: KUBELET_INCLUDE,
    [INPUT.kubeletNodeName.metric]: KEPT,
  },
  // values.yaml global.scrapeInterval: 60s; each source's scrapeInterval ("") overrides it.
  scrapeInterval: {
    why:
      "k8s-monitoring scrapes every 60 s (global.scrapeInterval): a 1m window holds one sample. Scrape headroom's " +
      'three sources every 30 s (or set global.scrapeInterval: 30s for every source).',
    snippet: `clusterMetrics:
  cadvisor:
    scrapeInterval: 30s
  kubelet:
    scrapeInterval: 30s
  kube-state-metrics:
    scrapeInterval: 30s
`,
    language: 'yaml',
  },
  namespaceLabels: (labelKey) => ({
    why:
      'k8s-monitoring keeps no kube_namespace_labels (default-allow-lists/kube-state-metrics.yaml), and ' +
      'kube-state-metrics exports it only for the keys --metric-labels-allowlist names. Both lists replace the ' +
      "chart's whole: this includeMetrics replaces the exit-code one, the allowlist repeats the chart's node entry. " +
      'Where kube-state-metrics is not deployed by this chart, give it --metric-labels-allowlist=namespaces=[' +
      `${labelKey}] yourself.`,
    snippet: `telemetryServices:
  kube-state-metrics:
    metricLabelsAllowlist:
      - ${NODE_LABELS}
      - namespaces=[${labelKey}]
clusterMetrics:
  kube-state-metrics:
    metricsTuning:
      includeMetrics:
        - kube_pod_container_status_last_terminated_exitcode
        - kube_namespace_labels
`,
    language: 'yaml',
  }),
  podCgroup: {
    why:
      "k8s-monitoring's dropEmptyContainerLabels and dropEmptyImageLabels (both on by default) drop the pod " +
      "cgroup's working set; its limit needs container_spec_memory_limit_bytes in cadvisor's includeMetrics too.",
    snippet: POD_CGROUP,
    language: 'yaml',
  },
  // jobLabel of each source in values.yaml.
  selectors: {
    why: 'k8s-monitoring names its jobs integrations/kubernetes/<source>, not kube-prometheus\'s job="kubelet".',
    snippet: `selectors: {
  cadvisor: 'job="integrations/kubernetes/cadvisor"',
  kubeStateMetrics: 'job="integrations/kubernetes/kube-state-metrics"',
  kubelet: 'job="integrations/kubernetes/kubelet"',
},
`,
    language: 'text',
  },
};
