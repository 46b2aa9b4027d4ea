// Small factories every dashboard section uses; each returns a builder the caller refines (grafana-foundation-sdk
// style). Panels and queries get their ids from the caller, so the JSON stays stable when sections move.
import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';
import {
  LegendDisplayMode,
  LegendPlacement,
  VizLegendOptionsBuilder,
  TableSortByFieldStateBuilder,
  BigValueGraphMode,
  GraphDrawStyle,
  ReduceDataOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import { DataqueryBuilder, PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatPanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TablePanelBuilder } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeseriesPanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { binary, call, type Expr, print } from '../promql/index.ts';

/** Every panel and variable reads the Prometheus the datasource variable selects. */
export const DATASOURCE: DataSourceRef = { type: 'prometheus', uid: '${datasource}' };

/** A range query drawing one series per result, named by `legend`. */
export function rangeQuery(refId: string, expr: Expr, legend: string): DataqueryBuilder {
  return new DataqueryBuilder().datasource(DATASOURCE).refId(refId).expr(print(expr)).range().legendFormat(legend);
}

/** An instant query whose labels become table columns. */
export function tableQuery(refId: string, expr: Expr): DataqueryBuilder {
  return new DataqueryBuilder()
    .datasource(DATASOURCE)
    .refId(refId)
    .expr(print(expr))
    .instant()
    .format(PromQueryFormat.Table);
}

/** An instant query reduced to one number. */
export function statQuery(refId: string, expr: Expr): DataqueryBuilder {
  return new DataqueryBuilder().datasource(DATASOURCE).refId(refId).expr(print(expr)).instant();
}

/** `expr or vector(0)`: a stat shows 0, not "No data", where nothing is counted. */
export function orZero(expr: Expr): Expr {
  return binary(expr, 'or', call('vector', [0]));
}

export function row(id: number, title: string): RowBuilder {
  return new RowBuilder(title).id(id);
}

/** A time series panel with a legend table under it (sortable, with the last and max values). */
export function timeseriesPanel(id: number, title: string, unit: string): TimeseriesPanelBuilder {
  return new TimeseriesPanelBuilder()
    .id(id)
    .title(title)
    .datasource(DATASOURCE)
    .unit(unit)
    .height(9)
    .span(12)
    .legend(
      new VizLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(LegendDisplayMode.Table)
        .placement(LegendPlacement.Bottom)
        .calcs(['lastNotNull', 'max']),
    );
}

/**
 * Bars of counts per step, from `increase()` over the recorded restart counter. That series has one sample per rule
 * evaluation (often 1m), not per scrape, so steps are at least 2m: `$__rate_interval` then spans two samples or more.
 */
export function countBarsPanel(id: number, title: string): TimeseriesPanelBuilder {
  return timeseriesPanel(id, title, 'none').drawStyle(GraphDrawStyle.Bars).fillOpacity(80).decimals(0).interval('2m');
}

/** A table panel sorted by `sortColumn`, largest first unless `descending` is false. */
export function tablePanel(id: number, title: string, sortColumn: string, descending = true): TablePanelBuilder {
  return new TablePanelBuilder()
    .id(id)
    .title(title)
    .datasource(DATASOURCE)
    .height(10)
    .span(24)
    .filterable(true)
    .sortBy([new TableSortByFieldStateBuilder().displayName(sortColumn).desc(descending)]);
}

export function statPanel(id: number, title: string, unit: string): StatPanelBuilder {
  return new StatPanelBuilder()
    .id(id)
    .title(title)
    .datasource(DATASOURCE)
    .unit(unit)
    .height(5)
    .span(6)
    .graphMode(BigValueGraphMode.None)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']));
}

/**
 * Table transformations: merge the instant queries into one row per label set, drop the time column, order the
 * columns and name the value columns after what they hold. Grafana calls a value column `Value #<refId>`, or just
 * `Value` when the panel has one query.
 */
export function tableColumns(columns: string[], values: Record<string, string>) {
  const refIds = Object.keys(values);
  const valueColumn = (refId: string) => (refIds.length === 1 ? 'Value' : `Value #${refId}`);
  const indexByName = Object.fromEntries([...columns, ...refIds.map(valueColumn)].map((name, i) => [name, i]));
  const renameByName = Object.fromEntries(refIds.map((refId) => [valueColumn(refId), values[refId]!]));
  return [
    { id: 'merge', options: {} },
    { id: 'organize', options: { excludeByName: { Time: true }, indexByName, renameByName } },
  ];
}
