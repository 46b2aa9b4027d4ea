// What every headroom dashboard shares: tag (the link menus find dashboards by it), time range, refresh, and
// Grafana's built-in annotations.
import type { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { grafanaAnnotations } from './annotations.ts';
import { DASHBOARD_TAG } from './links.ts';

export function dashboardDefaults(dashboard: DashboardBuilder): DashboardBuilder {
  return dashboard
    .tags([DASHBOARD_TAG, 'kubernetes', 'memory'])
    .time({ from: 'now-6h', to: 'now' })
    .refresh('1m')
    .timezone('browser')
    .annotation(grafanaAnnotations());
}
