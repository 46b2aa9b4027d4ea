// A few names for a per-namespace alert's description: the alert stays one per namespace, and the reader still sees
// where to start. A query at notification time lists the first containers of the namespace by a ranking series.
import type { Model } from '../model/model.ts';
import { keyOf } from './keys.ts';
import { matcher } from './promql.ts';

/** How many containers the description names. */
const EXAMPLES = 3;

/**
 * Go template printing `pod/container` of the EXAMPLES highest series of `query(namespace matchers)`, comma-separated
 * (nothing when the query returns nothing).
 */
export function namespaceExamples(model: Model, query: (...matchers: string[]) => string): string {
  const key = keyOf(model, 'namespace');
  const text = `sort_desc(topk(${EXAMPLES}, ${query(...key.map((label) => matcher(label, '=', SLOT)))}))`;
  if (text.includes('`')) throw new Error('template queries may not contain backticks');
  const printfFormat = text.replace(/%/g, '%%').split(`"${SLOT}"`).join('"%s"');
  const args = key.map((label) => `$labels.${label}`).join(' ');
  return `{{ range $i, $s := query (printf \`${printfFormat}\` ${args}) }}{{ if $i }}, {{ end }}{{ $s.Labels.pod }}/{{ $s.Labels.container }}{{ end }}`;
}

/** "container" or "containers" after the alert's value (a count). */
export function containersWord(): string {
  return '{{ if eq $value 1.0 }}container{{ else }}containers{{ end }}';
}

const SLOT = '\u0000';
