// Annotation pieces shared by the alerts: links, and values looked up at notification time in human units.
import { grafanaDashboardLink } from '../values/url.ts';
import { OVERVIEW_DASHBOARD_UID, TEAM_DASHBOARD_UID } from '../values/dashboard-uid.ts';
import type { Model } from '../model/model.ts';
import { eq, type Expr, type Matcher, print } from '../promql/index.ts';
import { containerKey, keyOf } from './keys.ts';

export function runbookUrl(model: Model, alert: string): string {
  return model.links.runbookUrlPattern.replace('%s', alert.toLowerCase());
}

/** The shared team dashboard, its team, cluster, namespace and pod variables set from the alert's labels. */
export function teamDashboardUrl(model: Model, variables: readonly string[]): string {
  return dashboardUrl(model, TEAM_DASHBOARD_UID, ['team', ...variables]);
}

export function overviewDashboardUrl(model: Model, variables: readonly string[]): string {
  return dashboardUrl(model, OVERVIEW_DASHBOARD_UID, variables);
}

function dashboardUrl(model: Model, uid: string, variables: readonly string[]): string {
  const withCluster = model.clusterLabel ? [...variables, 'cluster'] : variables;
  // Namespaces, pods, nodes and teams are DNS names; a cluster's name is whatever the metrics store says (spaces, `&`).
  const value = (name: string) =>
    name === 'cluster' ? clusterVariableValue(model.clusterLabel!) : `{{ $labels.${name} }}`;
  return grafanaDashboardLink(
    model.links.grafanaUrl,
    uid,
    withCluster.map((name) => `var-${name}=${value(name)}`).join('&'),
  );
}

/** The alert's cluster as a URL query value. */
export function clusterVariableValue(clusterLabel: string): string {
  return `{{ $labels.${clusterLabel} | urlquery }}`;
}

/** A PromQL query built from matchers that select the alert's key labels (given in the key's order). */
export type KeyQuery = (...matchers: Matcher[]) => Expr;

/**
 * Go template that runs a PromQL query for the alert's container (or namespace) when the notification is rendered
 * and prints the first value with `format` (e.g. `humanize1024`); prints nothing when the query returns nothing.
 * `query(matchers)` builds the query from matchers that select the alert's key labels.
 */
export function keyQueryValue(
  key: readonly string[],
  query: KeyQuery,
  format: string,
  options: { suffix?: string; otherwise?: string } = {},
): string {
  const otherwise = options.otherwise ? `{{ else }}${options.otherwise}` : '';
  const value = `{{ . | first | value | ${format} }}${options.suffix ?? ''}`;
  return `{{ with ${keyQuery(key, query)} }}${value}${otherwise}{{ end }}`;
}

/**
 * The template call `query (printf `…` $labels.…)` that runs `query(matchers)` for the alert's key when the
 * notification is rendered: its result is empty (false in `if`/`with`) when the query returns nothing.
 */
export function keyQuery(key: readonly string[], query: KeyQuery): string {
  const text = print(query(...key.map((label, i) => eq(label, `${SLOT}${i}`))));
  if (text.includes('`')) throw new Error('template queries may not contain backticks');
  // A % of the configured selectors must reach PromQL as is, not as a printf verb. One printf argument per slot as it
  // occurs: a query may select the key more than once (`a{key} or b{key}`).
  const printfFormat = text.replace(/%/g, '%%').replace(PRINTED_SLOTS, '"%s"');
  const args = [...text.matchAll(PRINTED_SLOTS)].map((slot) => `$labels.${key[Number(slot[1])]}`).join(' ');
  return `query (printf \`${printfFormat}\` ${args})`;
}

/**
 * `{{ if … }}first{{ else if … }}second{{ else }}last{{ end }}`: the text of the first case whose query (for the
 * alert's key) returns anything, else the last case's text.
 */
export function firstMatchingCase(
  key: readonly string[],
  cases: readonly { query?: KeyQuery; text: string }[],
): string {
  return cases
    .map(({ query, text }, i) => {
      if (query === undefined) return `{{ else }}${text}`;
      return `{{ ${i === 0 ? 'if' : 'else if'} ${keyQuery(key, query)} }}${text}`;
    })
    .join('')
    .concat('{{ end }}');
}

/** keyQueryValue for the alert's container. */
export function containerQueryValue(
  model: Model,
  query: KeyQuery,
  format: string,
  options: { suffix?: string; otherwise?: string } = {},
): string {
  return keyQueryValue(containerKey(model), query, format, options);
}

/** keyQueryValue for the alert's namespace. */
export function namespaceQueryValue(model: Model, query: KeyQuery, format: string): string {
  return keyQueryValue(keyOf(model, 'namespace'), query, format);
}

/** Where keyQuery puts the alert's label values: a NUL (no configured selector holds one) and the label's index. */
const SLOT = '\u0000';
/** The slots as the printer quotes them (NUL as \u0000), with the index. */
const PRINTED_SLOTS = /"\\u0000(\d+)"/g;
