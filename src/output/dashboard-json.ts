// Dashboard JSON as headroom writes it: keys sorted at every level (Grafana does not care about their order, a
// reviewer's diff does), two-space indent, a final newline. JSON cannot carry the generated-file notice.
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';

export function dashboardJson(dashboard: Dashboard): string {
  return `${JSON.stringify(sortedDeep(dashboard), null, 2)}\n`;
}

function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, sortedDeep(v)]));
}
