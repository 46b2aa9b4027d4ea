// Team dashboard: restarts and OOM kills of the selected containers, over time and over the whole range.
import type { Model } from '../../model/model.ts';
import { countBarsPanel, rangeQuery, row, statPanel, statQuery } from '../common.ts';
import { containerSeries } from '../container-series.ts';
import type { Section } from '../section.ts';
import { variableMatcher } from '../variables.ts';

const CONTAINER_LEGEND = '{{namespace}}/{{pod}}/{{container}}';
const OOM_NOTE = 'OOM kills: restarts of containers whose last termination was OOMKilled (kube-state-metrics keeps only the last reason).';

export function restartsSection(model: Model): Section {
  const selected = [variableMatcher('namespace', 'namespace'), variableMatcher('pod', 'pod')];
  const containers = containerSeries(model);
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
      countBarsPanel(203, 'OOM kills').description(OOM_NOTE).withTarget(rangeQuery('A', containers.oomKillsWithin('$__rate_interval', ...selected), CONTAINER_LEGEND)),
      countBarsPanel(204, 'Restarts').withTarget(rangeQuery('A', `${containers.restartsWithin('$__rate_interval', ...selected)} > 0`, CONTAINER_LEGEND)),
    ],
  };
}
