// The input series families of a model: every input an alert on for some owner declares (src/alerts/*, `inputs`), once
// per metric (the pod cgroup's apart), with the configured selector of its exporter, the labels its joins need and the
// alerts that read it. A family the config declares absent (`inputs.absent`) is none: nothing expects it. doctor
// checks these against a live store; HeadroomInputMissing watches them from the rules.
import type { Model } from '../model/model.ts';
import { eq, type Matcher, neq, parseMatchers } from '../promql/index.ts';
import { byCodePoint } from '../values/ordering.ts';
import type { Exporter, InputSeries } from './input-series.ts';
import { anyOwnerHasOn } from './rule-settings.ts';

/** What a family needs of an alert (an AlertDefinition is one). */
interface InputReader {
  key: string;
  name: string;
  inputs: readonly InputSeries[];
}

/** An alert that reads a family; `optional`: what it loses without it (it still fires otherwise). */
export interface Reader {
  alert: string;
  optional?: string;
}

export interface Family {
  metric: string;
  exporter: Exporter;
  /** The pod's own cgroup series (container="") rather than the containers'. */
  podCgroup: boolean;
  /** The configured selector of the exporter, as matchers. */
  matchers: readonly Matcher[];
  /** Labels every series must carry for the joins: its key, the labels the rules select on, the cluster label. */
  labels: readonly string[];
  readers: readonly Reader[];
}

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

/** Whether the model reads `input`: under its limit source, and not declared absent. */
function readsInput(model: Model, input: InputSeries): boolean {
  const underLimitSource = input.limitSource === undefined || input.limitSource === model.limitSource;
  return underLimitSource && !model.absentInputs.includes(input.metric);
}

/** The families the alerts of `alerts` that some owner has on read, sorted by name. */
export function inputFamilies(model: Model, alerts: readonly InputReader[]): Family[] {
  const byId = new Map<string, { input: InputSeries; readers: Reader[]; labels: Set<string> }>();
  for (const alert of alerts.filter((alert) => anyOwnerHasOn(model, alert))) {
    for (const input of alert.inputs.filter((input) => readsInput(model, input))) {
      const id = familyName({ metric: input.metric, podCgroup: input.podCgroup === true });
      const family = byId.get(id) ?? { input, readers: [], labels: new Set<string>() };
      for (const label of [...input.key, ...input.labels]) family.labels.add(label);
      if (!family.readers.some((reader) => reader.alert === alert.name))
        family.readers.push(input.optional ? { alert: alert.name, optional: input.optional } : { alert: alert.name });
      byId.set(id, family);
    }
  }
  // Each exporter's selector parsed once.
  const matchers = new Map<Exporter, Matcher[]>();
  const matchersOf = (exporter: Exporter) =>
    matchers.get(exporter) ?? matchers.set(exporter, exporterMatchers(model, exporter)).get(exporter)!;
  return [...byId.values()]
    .map(({ input, readers, labels }) => ({
      metric: input.metric,
      exporter: input.exporter,
      podCgroup: input.podCgroup === true,
      matchers: matchersOf(input.exporter),
      labels: [...(model.clusterLabel ? [model.clusterLabel] : []), ...[...labels].sort()],
      readers,
    }))
    .sort((a, b) => byCodePoint(familyName(a), familyName(b)));
}

/** `container_memory_working_set_bytes`, or `container_memory_working_set_bytes (pod cgroup)`. */
export function familyName(family: Pick<Family, 'metric' | 'podCgroup'>): string {
  return family.podCgroup ? `${family.metric} (pod cgroup)` : family.metric;
}

/** The family's series as the rules read them: the containers' cgroups or the pod's, never the pause container. */
export function familyMatchers(family: Family): Matcher[] {
  if (family.exporter !== 'cadvisor') return [...family.matchers];
  return family.podCgroup
    ? [...family.matchers, eq('container', ''), neq('pod', '')]
    : [...family.matchers, neq('container', ''), neq('container', 'POD')];
}

/** The metrics of `absent` that `inputs` need (not optional) under `limitSource`: no working without them. */
export function neededAbsent(
  inputs: readonly InputSeries[],
  absent: readonly string[],
  limitSource: Model['limitSource'],
): string[] {
  const needed = inputs.filter(
    (input) =>
      input.optional === undefined &&
      (input.limitSource === undefined || input.limitSource === limitSource) &&
      absent.includes(input.metric),
  );
  return [...new Set(needed.map((input) => input.metric))].sort(byCodePoint);
}
