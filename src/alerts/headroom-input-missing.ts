// An alert whose input series are dropped (a relabelling, an allowlist, an exporter missing in one cluster) is silent
// without an error: watch every input family an enabled alert reads (src/rules/input-families.ts), per cluster. A
// family is missing from a cluster where it must have series — wherever headroom sees any of its inputs, or, for a
// family that exists only after an event, where that event shows — and has none. A cluster headroom sees nothing of
// is not watched (it is gone, or its scrape is, which `up` alerts report); a family declared absent (`inputs.absent`)
// is not watched. One recording per family says where it has series; the alert rules read only those few series.
import { LABEL } from '../values/reserved-labels.ts';
import type { Model } from '../model/model.ts';
import { binary, by, eq, type Expr, group, labelReplace, on, print, selector } from '../promql/index.ts';
import { runbookUrl } from '../rules/annotations.ts';
import { type Family, familyMatchers, inputFamilies } from '../rules/input-families.ts';
import { keyOf } from '../rules/keys.ts';
import { CONTAINER_RESTARTS, INPUT_PRESENT } from '../rules/record-names.ts';
import type { AlertingRule, RecordingRule, Rule } from '../rules/rule-types.ts';
import { sourceSeries } from '../rules/source-series.ts';
import type { AlertDefinition, AlertFacts } from './alert-definition.ts';

/** Not configurable: it watches headroom's inputs, for the default team. */
export const headroomInputMissing: AlertFacts = {
  name: 'HeadroomInputMissing',
  summary:
    'a series an enabled alert reads is missing from a cluster headroom otherwise sees: the alerts that need it are ' +
    'blind there',
  group: 'meta',
  // It reads the other alerts' inputs to watch them, and needs none of its own.
  inputs: [],
  panels: [{ dashboard: 'team', row: 'Firing alerts' }],
  rules: (model, alerts) => inputMissingRules(model, alerts),
};

/** Long enough that a scrape gap, an exporter's restart or a rollout never fires it; a dropped series stays dropped. */
const FOR = '15m';

/** Where a family must have series: the clusters (one series each, by the cluster label), and why, in words. */
interface Expected {
  where(model: Model): Expr;
  /** Why it must, after "while": `there` is " there" where there are clusters, else "". */
  because(there: string): string;
}

const perCluster = (model: Model, expr: Expr) => group(by(keyOf(model)), expr);

/** Wherever headroom sees any of the families it watches. */
const SEEN: Expected = {
  where: (model) => perCluster(model, selector(INPUT_PRESENT)),
  because: (there) => `headroom sees other input series${there}`,
};
/** kube-state-metrics reports a container's last termination once it has restarted. */
const AFTER_RESTART: Expected = {
  where: (model) => perCluster(model, binary(selector(CONTAINER_RESTARTS), '>', 0)),
  because: (there) => `containers have restarted${there} (each then has a last termination)`,
};
const AFTER_INIT_RESTART: Expected = {
  where: (model) => perCluster(model, binary(sourceSeries(model).initRestarts(), '>', 0)),
  because: (there) => `init containers have restarted${there} (each then has a last termination)`,
};
/** kube-state-metrics reports every init container in both: one without the other is a dropped series. */
const WITH_INIT_RESTARTS: Expected = {
  where: (model) => perCluster(model, sourceSeries(model).initRestarts()),
  because: (there) => `kube_pod_init_container_status_restarts_total shows init containers${there}`,
};
const WITH_INIT_INFO: Expected = {
  where: (model) => perCluster(model, sourceSeries(model).initContainerInfo()),
  because: (there) => `kube_pod_init_container_info shows init containers${there}`,
};

/**
 * Every input metric of the catalogue (a test holds this list complete), with where its series must exist: a metric
 * born only with an event (an eviction, a reason set) is undefined, as its absence is no sign of a drop.
 */
export const EXPECTED: Readonly<Record<string, Expected | undefined>> = {
  container_memory_working_set_bytes: SEEN,
  container_oom_events_total: SEEN,
  container_spec_memory_limit_bytes: SEEN,
  kube_node_status_condition: SEEN,
  kube_pod_container_resource_limits: SEEN,
  kube_pod_container_resource_requests: SEEN,
  kube_pod_container_status_last_terminated_exitcode: AFTER_RESTART,
  kube_pod_container_status_last_terminated_reason: AFTER_RESTART,
  kube_pod_container_status_restarts_total: SEEN,
  kube_pod_info: SEEN,
  kube_pod_init_container_info: WITH_INIT_RESTARTS,
  // Only init containers that declare a limit have one.
  kube_pod_init_container_resource_limits: undefined,
  kube_pod_init_container_status_last_terminated_exitcode: AFTER_INIT_RESTART,
  kube_pod_init_container_status_last_terminated_reason: AFTER_INIT_RESTART,
  kube_pod_init_container_status_restarts_total: WITH_INIT_INFO,
  kube_pod_status_phase: SEEN,
  // kube-state-metrics ≥ 2.20 reports evicted pods only.
  kube_pod_status_reason: undefined,
  // Born at the first eviction (not pre-initialised).
  kubelet_evictions: undefined,
  kubelet_node_name: SEEN,
};

/** The families watched: those the enabled alerts read whose series must exist somewhere. */
function watched(model: Model, alerts: readonly AlertDefinition[]): { family: Family; expected: Expected }[] {
  return inputFamilies(model, alerts).flatMap((family) => {
    const expected = EXPECTED[family.metric];
    return expected === undefined ? [] : [{ family, expected }];
  });
}

/** The family's own labels on its presence series and its alert: `input`, and `cgroup="pod"` for a pod cgroup. */
function familyLabels(family: Family): Record<string, string> {
  return { [LABEL.input]: family.metric, ...(family.podCgroup ? { [LABEL.cgroup]: 'pod' } : {}) };
}

/** `expr` with the family's labels. */
function labelled(expr: Expr, family: Family): Expr {
  return Object.entries(familyLabels(family)).reduce(
    (inner, [label, value]) => labelReplace(inner, label, value),
    expr,
  );
}

function presenceRule(model: Model, family: Family): RecordingRule {
  return {
    record: INPUT_PRESENT,
    expr: print(perCluster(model, selector(family.metric, ...familyMatchers(family)))),
    labels: familyLabels(family),
  };
}

/** The family's presence series: the containers' family leaves the pod cgroup's out (cgroup=""). */
function presence(family: Family, podFamilies: ReadonlySet<string>): Expr {
  const cgroup = family.podCgroup
    ? [eq(LABEL.cgroup, 'pod')]
    : podFamilies.has(family.metric)
      ? [eq(LABEL.cgroup, '')]
      : [];
  return selector(INPUT_PRESENT, eq(LABEL.input, family.metric), ...cgroup);
}

function alertRule(model: Model, family: Family, expected: Expected, podFamilies: ReadonlySet<string>): AlertingRule {
  const catchAll = model.owners.find((owner) => owner.claimedBy === undefined)!;
  const blind = family.readers.filter((reader) => reader.optional === undefined).map((reader) => reader.alert);
  const degraded = family.readers
    .filter((reader) => reader.optional !== undefined)
    .map((reader) => `${reader.alert} (loses ${reader.optional})`);
  const cluster = model.clusterLabel ? ` in cluster {{ $labels.${model.clusterLabel} }}` : '';
  const effects = [
    ...(blind.length > 0 ? [`Blind without it: ${blind.join(', ')}.`] : []),
    ...(degraded.length > 0 ? [`Degraded: ${degraded.join(', ')}.`] : []),
  ];
  return {
    alert: headroomInputMissing.name,
    // The family's labels twice: from the expression, for the description's template (a rule's own labels are not
    // in $labels), and as the rule's, which tell its rules apart (diff, promtool's lint).
    expr: print(
      binary(labelled(expected.where(model), family), 'unless', presence(family, podFamilies), on(keyOf(model))),
    ),
    for: FOR,
    labels: { ...catchAll.labels, severity: 'warning', team: model.defaultTeam, ...familyLabels(family) },
    annotations: {
      summary: "An input series of headroom's alerts is missing: the alerts that need it are blind.",
      description: [
        `No {{ $labels.${LABEL.input} }} series${family.podCgroup ? ' of pod cgroups' : ''}${cluster} for ${FOR}, ` +
          `while ${expected.because(model.clusterLabel ? ' there' : '')}.`,
        ...effects,
        'Run `npx headroom doctor --prometheus <URL>` for the cause and the fix; if the stack drops the series on ' +
          'purpose, list it in inputs.absent of the headroom config.',
      ].join(' '),
      selector: print(selector(family.metric, ...familyMatchers(family))),
      runbook_url: runbookUrl(model, headroomInputMissing.name),
    },
  };
}

function inputMissingRules(model: Model, alerts: readonly AlertDefinition[]): Rule[] {
  const families = watched(model, alerts);
  const podFamilies = new Set(families.filter(({ family }) => family.podCgroup).map(({ family }) => family.metric));
  return [
    ...families.map(({ family }) => presenceRule(model, family)),
    ...families.map(({ family, expected }) => alertRule(model, family, expected, podFamilies)),
  ];
}
