// Annotation pieces of the eviction alerts: the MemoryPressure state of the nodes the pods were evicted from, looked
// up when the notification is rendered (Go templates over `query`), and a link to those nodes on the overview.
import { grafanaDashboardLink } from '../values/url.ts';
import { clusterVariableValue } from './annotations.ts';
import { OVERVIEW_DASHBOARD_UID } from '../values/dashboard-uid.ts';
import type { Model } from '../model/model.ts';
import { binary, by, eq, group, groupLeft, max, on, print, selector, string } from '../promql/index.ts';
import type { KeyQuery } from './annotations.ts';
import { keyOf } from './keys.ts';
import { POD_EVICTED } from './record-names.ts';
import { sourceSeries } from './source-series.ts';

/**
 * `(printf \`query\` $labels.a $labels.b)` for a query built from matchers that select the alert's `key` labels; each
 * label's value goes in by its index (`%[1]s`), so the query may use a matcher more than once.
 */
function printfQuery(key: readonly string[], query: KeyQuery): string {
  // NULs around the index: no configured selector holds one.
  const slot = (i: number) => `\u0000${i}\u0000`;
  const text = print(query(...key.map((label, i) => eq(label, slot(i)))));
  if (text.includes('`')) throw new Error('template queries may not contain backticks');
  // A % of the configured selectors must reach PromQL as is, not as a printf verb.
  let format = text.replace(/%/g, '%%');
  for (const i of key.keys()) format = format.split(print(string(slot(i)))).join(`"%[${i + 1}]s"`);
  return `(printf \`${format}\` ${key.map((label) => `$labels.${label}`).join(' ')})`;
}

/** "It reports MemoryPressure now." or "It does not report MemoryPressure now." for the alert's node. */
export function nodeMemoryPressureNow(model: Model): string {
  const query = printfQuery(keyOf(model, 'node'), (...m) =>
    binary(max(sourceSeries(model).memoryPressure(...m)), '==', 1),
  );
  return (
    `{{ with query ${query} }}It reports MemoryPressure now.` +
    '{{ else }}It does not report MemoryPressure now.{{ end }}'
  );
}

/**
 * The nodes of the namespace's pods evicted within `window` (kube_pod_info's node, read for this namespace only),
 * each valued with its MemoryPressure condition now (1 or 0); nodes that no longer exist drop out. On one line: an
 * annotation is one.
 */
function evictedFromNodes(model: Model, window: string): string {
  const namespace = keyOf(model, 'namespace');
  const pod = keyOf(model, 'namespace', 'pod');
  const node = keyOf(model, 'node');
  return printfQuery(namespace, (...m) => {
    const evicted = selector(POD_EVICTED, ...m, eq('window', window));
    const nodes = group(by(node), binary(sourceSeries(model).podInfo(...m), '*', evicted, on(pod), groupLeft()));
    return max(by(node), binary(sourceSeries(model).memoryPressure(), '*', nodes, on(node), groupLeft()));
  });
}

/** " Evicted from: node-a (under MemoryPressure now), node-b." — empty when kube_pod_info names no node. */
export function evictedFromText(model: Model, window: string): string {
  return (
    `{{ with query ${evictedFromNodes(model, window)} | sortByLabel "node" }} Evicted from: ` +
    '{{ range $i, $node := . }}{{ if $i }}, {{ end }}{{ $node.Labels.node }}' +
    '{{ if eq $node.Value 1.0 }} (under MemoryPressure now){{ end }}{{ end }}.{{ end }}'
  );
}

/** The overview dashboard with `var-node` set to each node the namespace's pods were evicted from (+ var-cluster). */
export function evictedFromDashboardUrl(model: Model, window: string): string {
  const nodes =
    `{{ range $i, $node := query ${evictedFromNodes(model, window)} | sortByLabel "node" }}` +
    '{{ if $i }}&{{ end }}var-node={{ $node.Labels.node }}{{ end }}';
  const cluster = model.clusterLabel ? `&var-cluster=${clusterVariableValue(model.clusterLabel)}` : '';
  return grafanaDashboardLink(model.links.grafanaUrl, OVERVIEW_DASHBOARD_UID, `${nodes}${cluster}`);
}
