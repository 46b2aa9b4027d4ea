// The input series families doctor checks: every input an enabled alert declares (src/alerts/*, `inputs`), once per
// metric, with the configured selector of its exporter, the labels its joins need and the alerts that read it.
import { ALERTS } from '../alerts/catalogue.ts';
import type { Model } from '../model/model.ts';
import { type Matcher, parseMatchers } from '../promql/index.ts';
import { type Exporter, INPUT, type InputSeries } from '../rules/input-series.ts';
import { anyOwnerHasOn } from '../rules/rule-settings.ts';
import { byCodePoint } from '../values/ordering.ts';

/** An alert that reads a family; `optional`: what it loses without it (it still fires otherwise). */
export interface Reader {
  alert: string;
  optional?: string;
}

export interface Family {
  metric: string;
  /** Where its series exist only after an event or for some objects (absent, it proves nothing by itself). */
  eventBorn: EventBorn | undefined;
  exporter: Exporter;
  /** The pod's own cgroup series (container="") rather than the containers'. */
  podCgroup: boolean;
  /** The configured selector of the exporter, as matchers. */
  matchers: readonly Matcher[];
  /** Labels every series must carry for the joins: its key, the labels the rules select on, the cluster label. */
  labels: readonly string[];
  readers: readonly Reader[];
}

/**
 * Series that exist only once something happened, or for some objects: a cluster without them may simply not have
 * had it yet. `evidence` is a family of the same exporter whose series show that it did happen (above 0 where
 * `positive`): where the evidence is there and the series are not, the stack drops them.
 */
export interface EventBorn {
  /** Its series (above 0 where `positive`), which each should have one of this family: e.g. restarted containers. */
  evidence?: { metric: string; positive: boolean; shows: string };
}

const RESTARTED = { metric: INPUT.restarts.metric, positive: true, shows: 'restarted containers' };
const INIT_RESTARTED = { metric: INPUT.initRestarts.metric, positive: true, shows: 'restarted init containers' };

const EVENT_BORN: Readonly<Record<string, EventBorn>> = {
  // The kubelet creates the counter at its first eviction of a signal.
  [INPUT.evictions.metric]: {},
  // kube-state-metrics exports the last termination of containers that terminated.
  [INPUT.lastReason.metric]: { evidence: RESTARTED },
  [INPUT.lastExitCode.metric]: { evidence: RESTARTED },
  [INPUT.initLastReason.metric]: { evidence: INIT_RESTARTED },
  [INPUT.initLastExitCode.metric]: { evidence: INIT_RESTARTED },
  // Only pods with init containers have these; only init containers with a memory limit the last.
  [INPUT.initRestarts.metric]: {
    evidence: { metric: INPUT.initInfo.metric, positive: false, shows: 'init containers' },
  },
  [INPUT.initInfo.metric]: {
    evidence: { metric: INPUT.initRestarts.metric, positive: false, shows: 'init containers' },
  },
  [INPUT.initLimits.metric]: {},
};

/**
 * Labels a family's series may all lack where nothing is wrong: kube-state-metrics gives plain init containers an
 * empty restart_policy (only native sidecars have Always), and a cluster may run only those.
 */
export const MAY_BE_EMPTY: Readonly<Record<string, readonly string[]>> = {
  [INPUT.initInfo.metric]: ['restart_policy'],
};

/** The configured selector of each exporter's series (headroom's own rulers have none). */
export function exporterMatchers(model: Model, exporter: Exporter): Matcher[] {
  const text = {
    cadvisor: model.selectors.cadvisor,
    'kube-state-metrics': model.selectors.kubeStateMetrics,
    kubelet: model.selectors.kubelet,
    ruler: '',
  }[exporter];
  return parseMatchers(text);
}

/** The alerts on for some owner, in catalogue order. */
export function enabledAlerts(model: Model) {
  return ALERTS.filter((alert) => anyOwnerHasOn(model, alert));
}

export function families(model: Model): Family[] {
  const byMetric = new Map<string, { input: InputSeries; readers: Reader[]; labels: Set<string> }>();
  for (const alert of enabledAlerts(model)) {
    for (const input of alert.inputs) {
      if (input.limitSource !== undefined && input.limitSource !== model.limitSource) continue;
      const id = `${input.metric}${input.podCgroup ? ' pod' : ''}`;
      const family = byMetric.get(id) ?? { input, readers: [], labels: new Set<string>() };
      for (const label of [...input.key, ...input.labels]) family.labels.add(label);
      if (!family.readers.some((reader) => reader.alert === alert.name))
        family.readers.push(input.optional ? { alert: alert.name, optional: input.optional } : { alert: alert.name });
      byMetric.set(id, family);
    }
  }
  return [...byMetric.values()]
    .map(({ input, readers, labels }) => ({
      metric: input.metric,
      exporter: input.exporter,
      podCgroup: input.podCgroup === true,
      eventBorn: input.podCgroup ? undefined : EVENT_BORN[input.metric],
      matchers: exporterMatchers(model, input.exporter),
      labels: [...(model.clusterLabel ? [model.clusterLabel] : []), ...[...labels].sort()],
      readers,
    }))
    .sort((a, b) => byCodePoint(familyName(a), familyName(b)));
}

/** `container_memory_working_set_bytes`, or `container_memory_working_set_bytes (pod cgroup)`. */
export function familyName(family: Pick<Family, 'metric' | 'podCgroup'>): string {
  return family.podCgroup ? `${family.metric} (pod cgroup)` : family.metric;
}
