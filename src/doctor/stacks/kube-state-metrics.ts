// Plain Prometheus with kube-state-metrics of your own (kubernetes/kube-state-metrics, commit c92fe0c5ce02, v2.20.0;
// prometheus/prometheus documentation/examples/prometheus-kubernetes.yml at 058f7603806b for the scrape jobs). Nothing
// drops a series here; what kube-state-metrics exports depends on its release and its flags.
import { INPUT } from '../../rules/input-series.ts';
import { type Remedy, KEPT, type StackFixes } from '../stack-data.ts';

const IMAGE = 'registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.20.0\n';

/** kube-state-metrics exports `what` from `release` on (CHANGELOG.md): an older one must be upgraded. */
function since(release: string, what: string): Remedy {
  return {
    why: `kube-state-metrics exports ${what} from ${release} on; an older release lacks it. Run 2.20 or later.`,
    snippet: IMAGE,
    language: 'text',
  };
}

export const kubeStateMetrics: StackFixes = {
  stack: 'kube-state-metrics',
  page: 'docs/stacks/prometheus-kube-state-metrics.md',
  // docs/metrics/workload/pod-metrics.md lists every kube-state-metrics series headroom reads; CHANGELOG.md dates the
  // late ones: the exit code v2.7.0 (#1752), restart_policy on kube_pod_init_container_info v2.11.0 (#2240), the
  // init-container exit code v2.20.0 (#3000). cadvisor and the kubelet are scraped by your own jobs: nothing to drop.
  metrics: {
    [INPUT.workingSet.metric]: KEPT,
    [INPUT.cadvisorLimit.metric]: KEPT,
    [INPUT.oomEvents.metric]: KEPT,
    [INPUT.limits.metric]: KEPT,
    [INPUT.initLimits.metric]: KEPT,
    [INPUT.requests.metric]: KEPT,
    [INPUT.restarts.metric]: KEPT,
    [INPUT.lastReason.metric]: KEPT,
    [INPUT.lastExitCode.metric]: since('2.7', INPUT.lastExitCode.metric),
    [INPUT.initRestarts.metric]: KEPT,
    [INPUT.initLastReason.metric]: KEPT,
    [INPUT.initLastExitCode.metric]: since('2.20', INPUT.initLastExitCode.metric),
    [INPUT.initInfo.metric]: since('2.11', `the restart_policy label of ${INPUT.initInfo.metric}`),
    [INPUT.nodeCondition.metric]: KEPT,
    [INPUT.podReason.metric]: KEPT,
    [INPUT.podPhase.metric]: KEPT,
    [INPUT.podInfo.metric]: KEPT,
    [INPUT.evictions.metric]: KEPT,
    [INPUT.kubeletNodeName.metric]: KEPT,
  },
  // prometheus/prometheus config/config.go (commit 0008cbeeb1a1) DefaultGlobalConfig: ScrapeInterval 1 minute.
  scrapeInterval: {
    why: 'Prometheus scrapes every minute unless told otherwise (global.scrape_interval): a 1m window has one sample.',
    snippet: `global:
  scrape_interval: 30s
`,
    language: 'yaml',
  },
  // docs/developer/cli-arguments.md: "By default the labels metrics are not exposed"; namespace-metrics.md:
  // kube_namespace_labels is controlled via --metric-labels-allowlist.
  namespaceLabels: (labelKey) => ({
    why: 'kube-state-metrics exports kube_namespace_labels only for the label keys --metric-labels-allowlist names.',
    snippet: `--metric-labels-allowlist=namespaces=[${labelKey}]\n`,
    language: 'text',
  }),
  podCgroup: KEPT,
  // The example's jobs: kubernetes-cadvisor (/metrics/cadvisor), kubernetes-nodes (the kubelet's /metrics) and
  // kubernetes-service-endpoints, which maps the Service's labels (kube-state-metrics' app.kubernetes.io/name).
  selectors: {
    why:
      "With Prometheus' example Kubernetes scrape config (documentation/examples/prometheus-kubernetes.yml) the jobs " +
      'are kubernetes-cadvisor, kubernetes-nodes and kubernetes-service-endpoints; name yours if they differ.',
    snippet: `selectors: {
  cadvisor: 'job="kubernetes-cadvisor"',
  kubeStateMetrics: 'job="kubernetes-service-endpoints", app_kubernetes_io_name="kube-state-metrics"',
  kubelet: 'job="kubernetes-nodes"',
},
`,
    language: 'text',
  },
};
