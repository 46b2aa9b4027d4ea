// The naive rules of blog posts, each as a mutation of the generated rules that the scenarios must reject (see
// test/negative-controls.test.ts). Every alert of the catalogue has at least one (test/alerts/catalogue.test.ts).
export type Rule = { alert?: string; record?: string; expr: string; labels?: Record<string, string> };
export type Group = { name: string; rules: Rule[] };

const KSM = 'job="kube-state-metrics"';
const CADVISOR = 'job="kubelet", metrics_path="/metrics/cadvisor"';
// The owner join as the rules write it (src/rules/ownership.ts): the newest owner series, as 1.
const OWNER =
  '* on (namespace) group_left (team, pager, slack_channel) group without () (topk by (namespace) (1, ' +
  'headroom:namespace_owner:info))';
const KUBELET = 'job="kubelet", metrics_path="/metrics"';
const MEMORY_SIGNALS = 'eviction_signal=~"memory.available|allocatableMemory.available"';
const MEMORY_EVICTIONS = `kubelet_evictions{${KUBELET}, ${MEMORY_SIGNALS}}`;
const NODE_NAME = `max by (instance, node) (kubelet_node_name{${KUBELET}})`;
const EVICTED = `max by (namespace, pod) (kube_pod_status_reason{${KSM}, reason="Evicted"}) == 1`;
const WORKING_SET = `container_memory_working_set_bytes{${CADVISOR}, container!="", container!="POD"}`;
/** The metric a HeadroomInputMissing rule watches, and its family's selector in the inputs fixture. */
function watchedFamily(expr: string): string {
  const metric = /input="([^"]+)"/.exec(expr)![1]!;
  return `${metric}{${metric.startsWith('container_') ? CADVISOR : KSM}}`;
}
const LIMIT = `max by (namespace, pod, container) (kube_pod_container_resource_limits{${KSM}, resource="memory"} > 0)`;

export interface Mutation {
  name: string;
  /** Fixture under test/fixtures and scenario under test/promtool/<fixture>; the fixture defaults to example. */
  fixture?: string;
  scenario: string;
  /** The alert whose rules are replaced by one rule with `expr`; or a recording rule picked by `recording`. */
  alert?: string;
  /** With `recording`: the alert whose scenario fails on the mutant (none for the ownership decision's controls). */
  guards?: string;
  /** Rewrite every rule `alert` picks with `expr` (a function), keeping them all; by default one rule replaces them. */
  everyRule?: boolean;
  recording?: (rule: Rule) => boolean;
  /** The new expression, or how to rewrite the picked rule's; a rewrite that changes nothing fails the test. */
  expr: string | ((expr: string) => string);
  /** Rules added right after the picked one, in its group. */
  add?: Rule[];
  /** Run the scenario lagged: every rule reads the others an evaluation late, as on vmalert (helpers/promtool.ts). */
  lagged?: boolean;
}

// The fleet fixture's owner decision as a chain (the claims, then everything not claimed): what headroom did before.
// While kube-state-metrics replicas disagree, a label names nobody: the catch-all then gives the namespace to the
// default team; where rules read each other an evaluation late, it also claims what a claim of the same evaluation
// holds.
const FLEET_OWNER_JOIN =
  '* on (owner) group_left (team, slack_channel, headroom_container_memory_near_limit) headroom:team:info';
const FLEET_LABEL_CLAIMS =
  'group by (cluster, namespace, owner) (label_replace(kube_namespace_labels{job="kube-state-metrics", ' +
  'label_team=~"batch|search"}, "owner", "$1", "label_team", "(.*)"))' +
  ' unless on (cluster, namespace) count by (cluster, namespace) (group by (cluster, namespace, label_team) ' +
  '(kube_namespace_labels{job="kube-state-metrics", label_team!=""})) > 1';
const FLEET_CLAIMS =
  'time() * ((label_replace(label_replace(group by (cluster, namespace) ' +
  '(headroom:namespace_containers:count{namespace=~"payments", cluster=~"prod-eu-.*"}), "owner", "payments", "", ' +
  '""), "claim", "file", "", "")' +
  ` or on (cluster, namespace) label_replace(${FLEET_LABEL_CLAIMS}, "claim", "namespace-label", "", "")) ` +
  `${FLEET_OWNER_JOIN})`;
const FLEET_CATCH_ALL =
  'time() * (label_replace(group by (cluster, namespace) (headroom:namespace_containers:count) unless on (cluster, ' +
  'namespace) headroom:namespace_owner:info{claim!="none"}, "claim", "none", "", "")' +
  ` ${FLEET_OWNER_JOIN})`;

export const MUTATIONS: Mutation[] = [
  {
    name: 'last_terminated_reason alone fires forever',
    scenario: 'container-oom-killed.test.yaml',
    alert: 'ContainerOOMKilled',
    expr:
      `(max by (namespace, pod, container) (kube_pod_container_status_last_terminated_reason{${KSM}, ` +
      `reason="OOMKilled"}) == 1) ${OWNER}`,
  },
  {
    name: 'x - x offset 10m misses young pods',
    scenario: 'container-oom-killed.test.yaml',
    alert: 'ContainerOOMKilled',
    expr:
      `((max by (namespace, pod, container) (kube_pod_container_status_restarts_total{${KSM}} - ` +
      `kube_pod_container_status_restarts_total{${KSM}} offset 10m) > 0)` +
      ` and on (namespace, pod, container) (max by (namespace, pod, container) ` +
      `(kube_pod_container_status_last_terminated_reason{${KSM}, reason="OOMKilled"}) == 1)) ${OWNER}`,
  },
  {
    name: 'any restart counts as an OOM kill',
    scenario: 'container-oom-killed.test.yaml',
    alert: 'ContainerOOMKilled',
    expr:
      `(max by (namespace, pod, container) (increase(kube_pod_container_status_restarts_total{${KSM}}[10m])) > ` +
      `0) ${OWNER}`,
  },
  {
    name: 'summing working set counts the pod-level cgroup twice',
    scenario: 'container-memory-near-limit.test.yaml',
    alert: 'ContainerMemoryNearLimit',
    expr:
      `(sum by (namespace, pod) (container_memory_working_set_bytes{${CADVISOR}}) / sum by (namespace, pod) ` +
      `(kube_pod_container_resource_limits{${KSM}, resource="memory"}) > 0.85)` +
      ` ${OWNER}`,
  },
  {
    name: 'one global threshold ignores team overrides',
    scenario: 'container-memory-near-limit.test.yaml',
    alert: 'ContainerMemoryNearLimit',
    expr: `(headroom:container_memory_working_set:ratio_limit > 0.85) ${OWNER}`,
  },
  {
    name: 'aggregating without the cluster label mixes two clusters into one container',
    fixture: 'fleet',
    scenario: 'clusters.test.yaml',
    guards: 'ContainerMemoryNearLimit',
    recording: (rule) => rule.record === 'headroom:container_memory_working_set:ratio_limit',
    expr:
      `max by (namespace, pod, container) (container_memory_working_set_bytes{${CADVISOR}, container!="", ` +
      `container!="POD"})` +
      ` / on (namespace, pod, container) max by (namespace, pod, container) ` +
      `(kube_pod_container_resource_limits{${KSM}, resource="memory"} > 0)`,
  },
  {
    name: 'ownership from the restart counter alone misses namespaces without it',
    fixture: 'fleet',
    scenario: 'label-ownership.test.yaml',
    recording: (rule) => rule.record === 'headroom:namespace_containers:count',
    expr: 'count by (cluster, namespace) (headroom:container_restarts_total:max)',
  },
  {
    name: 'a namespace label that beats the team file gives a namespace two owners',
    fixture: 'fleet',
    scenario: 'label-ownership.test.yaml',
    recording: (rule) => rule.record === 'headroom:namespace_owner:info',
    // The file claims and the rest side by side (`or`) instead of the file first (its first `or on (cluster,
    // namespace)`).
    expr: (expr) => expr.replace('or on (cluster, namespace)', 'or'),
  },
  {
    name: 'ownership as a chain of rules gives a namespace the default team or two owners',
    fixture: 'fleet',
    scenario: 'ownership-transitions.test.yaml',
    recording: (rule) => rule.record === 'headroom:namespace_owner:info',
    expr: FLEET_CLAIMS,
    add: [{ record: 'headroom:namespace_owner:info', expr: FLEET_CATCH_ALL, labels: { chain: 'catch-all' } }],
    lagged: true,
  },
  {
    name: 'a plain join on the owner series fails while two replicas disagree on a namespace label',
    fixture: 'fleet',
    scenario: 'label-ownership.test.yaml',
    alert: 'ContainerMemoryNearLimit',
    expr:
      'headroom:container_memory_above_threshold:ratio_limit * on (cluster, namespace) group_left (team, ' +
      'slack_channel) headroom:namespace_owner:info',
  },
  {
    name: 'predict_linear on the raw series of every container life fires on a restart',
    scenario: 'container-memory-leak.test.yaml',
    guards: 'ContainerMemoryLeak',
    recording: (rule) => rule.record === 'headroom:container_memory_forecast:ratio_limit',
    expr:
      `max by (namespace, pod, container) (predict_linear(${WORKING_SET}[1h], 14400) and ${WORKING_SET} offset ` +
      `2h) / on (namespace, pod, container) ${LIMIT}`,
  },
  {
    name: 'a forecast of a young life fits its startup ramp',
    scenario: 'container-memory-leak.test.yaml',
    guards: 'ContainerMemoryLeak',
    recording: (rule) => rule.record === 'headroom:container_memory_forecast:ratio_limit',
    expr:
      `max by (namespace, pod, container) (predict_linear(${WORKING_SET}[1h], 14400) and ${WORKING_SET}) / on ` +
      `(namespace, pod, container) ${LIMIT}`,
  },
  {
    name: 'a per-container risk alert gives 300 alerts for one namespace',
    scenario: 'containers-without-memory-limit.test.yaml',
    alert: 'ContainersWithoutMemoryLimit',
    expr: `headroom:container_memory_working_set_without_limit:bytes ${OWNER}`,
  },
  {
    name: 'a container is limitless whenever kube-state-metrics has no limit for it, pod-level limits ignored',
    scenario: 'containers-without-memory-limit.test.yaml',
    guards: 'ContainersWithoutMemoryLimit',
    recording: (rule) => rule.record === 'headroom:container_memory_working_set_without_limit:bytes',
    expr: `max by (namespace, pod, container) (${WORKING_SET}) unless on (namespace, pod, container) ${LIMIT}`,
  },
  {
    name: 'a working set above the request right now counts as staying above it',
    scenario: 'containers-above-memory-request.test.yaml',
    guards: 'ContainersAboveMemoryRequest',
    recording: (rule) => rule.record === 'headroom:container_memory_above_request:ratio_request',
    expr: 'headroom:container_memory_working_set:ratio_request > 1',
  },
  {
    name: 'the pod cgroup limit read for every pod alerts beside the container alert',
    scenario: 'pod-memory-near-limit.test.yaml',
    guards: 'PodMemoryNearLimit',
    recording: (rule) => rule.record === 'headroom:pod_memory_working_set:ratio_pod_limit',
    expr:
      `max by (namespace, pod) (container_memory_working_set_bytes{${CADVISOR}, container="", pod!=""})` +
      ` / on (namespace, pod) max by (namespace, pod) (container_spec_memory_limit_bytes{${CADVISOR}, container="", ` +
      `pod!=""} > 0)`,
  },
  {
    name: 'exit code 137 alone counts a liveness-probe SIGKILL as an OOM kill',
    scenario: 'container-oom-killed-evidence.test.yaml',
    alert: 'ContainerOOMKilled',
    expr:
      `max without (evidence) (headroom:container_oom_restarts:increase{window="10m"} or ` +
      `headroom:container_exit137_restarts:increase{window="10m"}) ${OWNER}`,
  },
  {
    name: 'the evidence as a label pages twice for one kill whose samples arrive in different evaluations',
    scenario: 'container-oom-killed-orderings.test.yaml',
    alert: 'ContainerOOMKilled',
    expr: (expr) => expr.replace('max without (evidence) (', '('),
  },
  {
    name: 'OOM events as a second branch alert twice for a kill that also says OOMKilled',
    scenario: 'container-oom-killed-evidence.test.yaml',
    guards: 'ContainerOOMKilled',
    recording: (rule) =>
      rule.record === 'headroom:container_oom_restarts:increase' &&
      rule.labels?.window === '10m' &&
      rule.labels?.evidence === 'oom-events',
    expr:
      `label_replace(increase(headroom:container_restarts_total:max[10m]) > 0 and on (namespace, pod, container) ` +
      `headroom:container_oom_events:increase{window="10m"},` +
      ` "container_type", "container", "", "")`,
  },
  {
    name: 'the main containers alone miss init containers and sidecars',
    scenario: 'container-oom-killed-init.test.yaml',
    guards: 'ContainerOOMKilled',
    recording: (rule) =>
      rule.record === 'headroom:container_oom_restarts:increase' &&
      rule.labels?.window === '10m' &&
      rule.labels?.evidence === 'reason',
    expr:
      `label_replace(increase(headroom:container_restarts_total:max[10m]) > 0 and on (namespace, pod, container)` +
      ` max by (namespace, pod, container) (kube_pod_container_status_last_terminated_reason{${KSM}, ` +
      `reason="OOMKilled"}) == 1, "container_type", "container", "", "")`,
  },
  {
    name: 'rising OOM events alone page beside ContainerOOMKilled for containers that restarted',
    scenario: 'container-process-oom-killed.test.yaml',
    guards: 'ContainerProcessOOMKilled',
    recording: (rule) =>
      rule.record === 'headroom:container_process_oom_kills:increase' && rule.labels?.window === '10m',
    expr: 'headroom:container_oom_events:increase{window="10m"}',
  },
  {
    name: 'max minus min over the window takes a kubelet restart (counter reset) for kills',
    scenario: 'container-process-oom-killed.test.yaml',
    guards: 'ContainerProcessOOMKilled',
    recording: (rule) =>
      rule.record === 'headroom:container_process_oom_kills:increase' && rule.labels?.window === '10m',
    expr:
      `(max by (namespace, pod, container) (max_over_time(container_oom_events_total{${CADVISOR}, container!="", ` +
      `container!="POD"}[10m]) - min_over_time(container_oom_events_total{${CADVISOR}, container!="", ` +
      `container!="POD"}[10m])) > 0)` +
      ' unless on (namespace, pod, container) increase(headroom:container_restarts_total:max[10m]) > 0',
  },
  {
    name: 'summing OOM events counts a kill once per scrape of the same kubelet',
    scenario: 'container-process-oom-killed.test.yaml',
    guards: 'ContainerProcessOOMKilled',
    recording: (rule) => rule.record === 'headroom:container_oom_events:increase' && rule.labels?.window === '10m',
    expr:
      `sum by (namespace, pod, container) (increase(container_oom_events_total{${CADVISOR}, container!="", ` +
      `container!="POD"}[10m])) > 0`,
  },
  {
    name: 'increase of kubelet_evictions misses the first eviction (the counter is born at 1)',
    scenario: 'node-memory-evictions.test.yaml',
    guards: 'NodeMemoryEvictions',
    recording: (rule) => rule.record === 'headroom:node_memory_evictions:increase',
    expr: `sum by (node) (increase(${MEMORY_EVICTIONS}[10m]) * on (instance) group_left (node) ${NODE_NAME}) > 0`,
  },
  {
    name: 'an eviction counter absent a window ago is new even after a scrape gap',
    scenario: 'node-memory-evictions.test.yaml',
    guards: 'NodeMemoryEvictions',
    recording: (rule) => rule.record === 'headroom:node_memory_evictions:increase',
    expr:
      `sum by (node) (((max_over_time(${MEMORY_EVICTIONS}[10m]) unless ${MEMORY_EVICTIONS} offset 10m) or ` +
      `increase(${MEMORY_EVICTIONS}[10m])) * on (instance) group_left (node) ${NODE_NAME}) > 0`,
  },
  {
    name: 'every eviction signal counts, disk pressure too',
    scenario: 'node-memory-evictions.test.yaml',
    guards: 'NodeMemoryEvictions',
    recording: (rule) => rule.record === 'headroom:node_memory_evictions:increase',
    expr: (() => {
      const any = `kubelet_evictions{${KUBELET}}`;
      const appeared =
        `(max_over_time(${any}[10m]) unless ${any} offset 10m) and on (instance) ` +
        `kubelet_node_name{${KUBELET}} offset 10m`;
      const evicted = `(${appeared} or increase(${any}[10m]))`;
      return `sum by (node) (${evicted} * on (instance) group_left (node) ${NODE_NAME}) > 0`;
    })(),
  },
  {
    name: 'kube_pod_status_reason{reason="Evicted"} == 1 pages for old evictions',
    scenario: 'pods-evicted.test.yaml',
    alert: 'PodsEvicted',
    expr: `(${EVICTED}) ${OWNER}`,
  },
  {
    name: 'an Evicted series that appeared within the window counts old evicted pods after a data gap',
    scenario: 'pods-evicted.test.yaml',
    guards: 'PodsEvicted',
    recording: (rule) => rule.record === 'headroom:pod_evicted_recently:info',
    expr:
      `${EVICTED} unless on (namespace, pod) max by (namespace, pod) (kube_pod_status_reason{${KSM}, ` +
      `reason="Evicted"} offset 10m) == 1`,
  },
  {
    name: 'a pod that existed a window ago misses pods evicted minutes after their start',
    scenario: 'pods-evicted.test.yaml',
    guards: 'PodsEvicted',
    recording: (rule) => rule.record === 'headroom:pod_evicted_recently:info',
    expr:
      `${EVICTED} and on (namespace, pod) min by (namespace, pod) (kube_pod_status_phase{${KSM}, phase="Failed"} ` +
      `offset 10m) == 0`,
  },
  {
    name: 'replicas deduplicated with max: a replica started after the eviction hides it',
    scenario: 'pods-evicted.test.yaml',
    guards: 'PodsEvicted',
    recording: (rule) => rule.record === 'headroom:pod_evicted_recently:info',
    expr:
      `${EVICTED} and on (namespace, pod) max by (namespace, pod) (min_over_time(kube_pod_status_phase{${KSM}, ` +
      `phase="Failed"}[10m])) == 0`,
  },
  {
    name: "evicted pods keyed without the cluster label merge two clusters' pods of one name",
    fixture: 'fleet',
    scenario: 'evictions.test.yaml',
    guards: 'PodsEvicted',
    recording: (rule) => rule.record === 'headroom:pod_evicted_recently:info',
    expr:
      `${EVICTED} and on (namespace, pod) min by (namespace, pod) (min_over_time(kube_pod_status_phase{${KSM}, ` +
      `phase="Failed"}[10m])) == 0`,
  },
  {
    name: 'per-pod eviction alerts give one alert per pod, not per namespace',
    scenario: 'pods-evicted.test.yaml',
    alert: 'PodsEvicted',
    expr: `headroom:pod_evicted_recently:info{window="10m"} ${OWNER}`,
  },
  {
    name: 'the condition series as it comes gives a node one alert per kube-state-metrics replica',
    scenario: 'node-memory-pressure.test.yaml',
    alert: 'NodeMemoryPressure',
    everyRule: true,
    expr: (expr) => expr.replace(/max by \(node\) \((kube_node_status_condition\{[^}]*\})\)/, '$1'),
  },
  {
    name: "Prometheus' failure counter alone is silent where vmalert evaluates the rules",
    scenario: 'headroom-rules-failing.test.yaml',
    alert: 'HeadroomRulesFailing',
    expr:
      'max by (rule_group) ' +
      '(increase(prometheus_rule_evaluation_failures_total{rule_group=~".*;headroom-.*"}[10m]) > 0)',
  },
  {
    name: 'absent() of a family misses one cluster losing it while another has it',
    fixture: 'inputs',
    scenario: 'headroom-input-missing.test.yaml',
    alert: 'HeadroomInputMissing',
    everyRule: true,
    expr: (expr) => `absent(${watchedFamily(expr)})`,
  },
  {
    name: 'remembering clusters for an hour alerts on every family of a cluster that went away',
    fixture: 'inputs',
    scenario: 'headroom-input-missing.test.yaml',
    alert: 'HeadroomInputMissing',
    everyRule: true,
    expr: (expr) =>
      expr.replace(
        / unless on \(cluster\) /,
        ' or on (cluster) group by (cluster) (last_over_time(headroom:input_present:group[1h])) unless on (cluster) ',
      ),
  },
  {
    name: 'expecting every family wherever the cluster is seen alerts on series born with a restart, before any',
    fixture: 'inputs',
    scenario: 'headroom-input-missing.test.yaml',
    alert: 'HeadroomInputMissing',
    everyRule: true,
    expr: (expr) =>
      'group by (cluster) (headroom:input_present:group) unless on (cluster) ' +
      `group by (cluster) (${watchedFamily(expr)})`,
  },
];
