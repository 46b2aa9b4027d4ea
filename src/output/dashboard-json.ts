// Dashboard JSON as headroom writes it: keys sorted at every level (Grafana does not care about their order, a
// reviewer's diff does), two-space indent, a final newline. JSON cannot carry the generated-file notice.
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { sortedJson } from '../values/ordering.ts';

export function dashboardJson(dashboard: Dashboard): string {
  return sortedJson(dashboard);
}
