// A few names for a per-namespace alert's description: the alert stays one per namespace, and the reader still sees
// where to start. A query at notification time lists the first containers of the namespace by a ranking series.
import type { Model } from '../model/model.ts';
import { call, topk } from '../promql/index.ts';
import { keyQuery, type KeyQuery } from './annotations.ts';
import { keyOf } from './keys.ts';

/** How many containers the description names. */
const EXAMPLES = 3;

/**
 * Go template printing `pod/container` of the EXAMPLES highest series of `query(namespace matchers)`, comma-separated
 * (nothing when the query returns nothing).
 */
export function namespaceExamples(model: Model, query: KeyQuery): string {
  const examples = keyQuery(keyOf(model, 'namespace'), (...m) => call('sort_desc', [topk(EXAMPLES, query(...m))]));
  const example = '{{ $s.Labels.pod }}/{{ $s.Labels.container }}';
  return `{{ range $i, $s := ${examples} }}{{ if $i }}, {{ end }}${example}{{ end }}`;
}

/** "container" or "containers" after the alert's value (a count). */
export function containersWord(): string {
  return '{{ if eq $value 1.0 }}container{{ else }}containers{{ end }}';
}
