// Team dashboard: restarts and OOM kills of the selected containers, over time and over the whole range.
import { GraphDrawStyle } from '@grafana/grafana-foundation-sdk/common';
import type { Model } from '../../model/model.ts';
import { rangeQuery, row, statPanel, statQuery, timeseriesPanel } from '../common.ts';
import { containerSeries } from '../container-series.ts';
import type { Section } from '../section.ts';
import { variableMatcher } from '../variables.ts';

const CONTAINER_LEGEND = '{{namespace}}/{{pod}}/{{container}}';
const OOM_NOTE = 'OOM kills: restarts of containers whose last termination was OOMKilled (kube-state-metrics keeps only the last reason).';

export function restartsSection(model: Model): Section {
  const selected = [variableMatcher('namespace', 'namespace'), variableMatcher('pod', 'pod')];
  const containers = containerSeries(model);
  const bars = (id: number, title: string) => timeseriesPanel(id, title, 'none').drawStyle(GraphDrawStyle.Bars).fillOpacity(80).decimals(0);
  return {
    row: row(200, 'OOM kills and restarts'),
    panels: [
      statPanel(201, 'OOM kills in the selected range', 'none')
        .span(12)
        .description(OOM_NOTE)
        .withTarget(statQuery('A', `round(sum(\n${containers.oomKillsWithin('$__range', ...selected)}\n)) or vector(0)`)),
      statPanel(202, 'Restarts in the selected range', 'none')
        .span(12)
        .withTarget(statQuery('A', `round(sum(${containers.restartsWithin('$__range', ...selected)})) or vector(0)`)),
      bars(203, 'OOM kills').description(OOM_NOTE).withTarget(rangeQuery('A', containers.oomKillsWithin('$__rate_interval', ...selected), CONTAINER_LEGEND)),
      bars(204, 'Restarts').withTarget(rangeQuery('A', `${containers.restartsWithin('$__rate_interval', ...selected)} > 0`, CONTAINER_LEGEND)),
    ],
  };
}
