// Team dashboard: restarts and OOM kills of the selected containers, over time and over the whole range, and beside
// them the OOM events the kernel counted (a process killed inside a container that kept running shows only there).
import type { Model } from '../../model/model.ts';
import { aggregate, binary, by, call, max, selector, sum } from '../../promql/index.ts';
import { containerKey } from '../../rules/keys.ts';
import { OOM_EVENTS } from '../../rules/record-names.ts';
import { clusterLegend } from '../clusters.ts';
import { countBarsPanel, orZero, rangeQuery, row, statPanel, statQuery, timeseriesPanel } from '../common.ts';
import { containerSeries } from '../container-series.ts';
import type { Section } from '../section.ts';
import type { TeamScope } from './team-scope.ts';

const OOM_EVENTS_NOTE =
  "OOM kills the kernel counted in the container's cgroup (cadvisor container_oom_events_total), whether or not " +
  'the container restarted: a count here without a restart beside it is a process killed inside a running ' +
  "container. Each value counts within the OOM alerts' window at that moment; where several windows are set, the " +
  'largest count of any.';

const OOM_NOTE =
  'OOM kills: restarts of containers whose last termination was OOMKilled (kube-state-metrics keeps only the last ' +
  'reason).';

export function restartsSection(model: Model, scope: TeamScope): Section {
  const containers = containerSeries(model);
  const legend = clusterLegend(model, '{{namespace}}/{{pod}}/{{container}}');
  const oomKills = (range: string) => scope.owned(containers.oomKillsWithin(range, ...scope.containers));
  const restarts = (range: string) => scope.owned(containers.restartsWithin(range, ...scope.containers));
  return {
    row: row(200, 'OOM kills and restarts'),
    panels: [
      statPanel(201, 'OOM kills in the selected range', 'none')
        .span(12)
        .description(OOM_NOTE)
        .withTarget(statQuery('A', orZero(call('round', [sum(oomKills('$__range'))], 'inline')))),
      statPanel(202, 'Restarts in the selected range', 'none')
        .span(12)
        .withTarget(
          statQuery(
            'A',
            orZero(call('round', [aggregate('sum', restarts('$__range'), { layout: 'inline' })], 'inline')),
          ),
        ),
      countBarsPanel(203, 'OOM kills')
        .span(8)
        .description(OOM_NOTE)
        .withTarget(rangeQuery('A', oomKills('$__rate_interval'), legend)),
      countBarsPanel(204, 'Restarts')
        .span(8)
        .withTarget(
          rangeQuery(
            'A',
            scope.owned(binary(containers.restartsWithin('$__rate_interval', ...scope.containers), '>', 0)),
            legend,
          ),
        ),
      timeseriesPanel(205, 'OOM events (cgroup)', 'none')
        .span(8)
        .description(OOM_EVENTS_NOTE)
        .min(0)
        .decimals(0)
        .withTarget(
          rangeQuery('A', scope.owned(max(by(containerKey(model)), selector(OOM_EVENTS, ...scope.containers))), legend),
        ),
    ],
  };
}
