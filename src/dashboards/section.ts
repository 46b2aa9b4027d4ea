// A dashboard section: a row and the panels under it. Dashboards are lists of sections, one file each.
import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import type { DashboardBuilder, Panel, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';

export interface Section {
  row: RowBuilder;
  panels: cog.Builder<Panel>[];
}

export function addSections(dashboard: DashboardBuilder, sections: Section[]): DashboardBuilder {
  for (const { row, panels } of sections) {
    dashboard.withRow(row);
    for (const panel of panels) dashboard.withPanel(panel);
  }
  return dashboard;
}
