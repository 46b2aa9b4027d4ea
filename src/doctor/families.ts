// The input series families doctor checks: every input an enabled alert declares (src/alerts/*, `inputs`), once per
// metric, with the configured selector of its exporter, the labels its joins need and the alerts that read it.
import { ALERTS } from '../alerts/catalogue.ts';
import type { Model } from '../model/model.ts';
import { type Matcher, parseMatchers } from '../promql/index.ts';
import type { Exporter, InputSeries } from '../rules/input-series.ts';
import { anyOwnerHasOn } from '../rules/rule-settings.ts';
import { byCodePoint } from '../values/ordering.ts';

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
