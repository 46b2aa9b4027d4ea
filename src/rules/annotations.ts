// Annotation pieces shared by the alerts: links, and values looked up at notification time in human units.
import { OVERVIEW_DASHBOARD_UID, teamDashboardUid } from '../model/dashboard-uid.ts';
import type { Model } from '../model/model.ts';

export function runbookUrl(model: Model, alert: string): string {
  return model.links.runbookUrlPattern.replace('%s', alert.toLowerCase());
}

/** The owning team's dashboard, its variables set from the alert's labels. */
export function teamDashboardUrl(model: Model, variables: readonly string[]): string {
  const uid = teamDashboardUid('{{ $labels.team }}');
  return `${model.links.grafanaUrl}/d/${uid}?${variables.map((name) => `var-${name}={{ $labels.${name} }}`).join('&')}`;
}

export function overviewDashboardUrl(model: Model, variables: readonly string[]): string {
  return `${model.links.grafanaUrl}/d/${OVERVIEW_DASHBOARD_UID}?${variables.map((name) => `var-${name}={{ $labels.${name} }}`).join('&')}`;
}

/**
 * Go template that runs a PromQL query for the alert's container when the notification is rendered and prints
 * the first value with `format` (e.g. `humanize1024`); prints nothing when the query returns nothing.
 * `query` has `%s` for namespace, pod and container, in that order.
 */
export function containerQueryValue(query: string, format: string, options: { suffix?: string; otherwise?: string } = {}): string {
  if (query.includes('`')) throw new Error('template queries may not contain backticks');
  // A % of the configured selectors must reach PromQL as is, not as a printf verb.
  const printfFormat = query.replace(/%/g, '%%').split(SLOT).join('%s');
  const otherwise = options.otherwise ? `{{ else }}${options.otherwise}` : '';
  return `{{ with query (printf \`${printfFormat}\` $labels.namespace $labels.pod $labels.container) }}{{ . | first | value | ${format} }}${options.suffix ?? ''}${otherwise}{{ end }}`;
}

/** Where containerQueryValue puts the alert's namespace, pod and container. */
const SLOT = '\u0000';

/** Matchers of one container, for template queries. */
export const CONTAINER_MATCHERS = [`namespace="${SLOT}"`, `pod="${SLOT}"`, `container="${SLOT}"`];
