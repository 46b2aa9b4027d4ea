// Team dashboard: working set against the limit, and the same as a fraction with the near-limit alert's threshold.
// The threshold line is a query of the threshold the rules record per namespace, not a number written into the
// dashboard: one dashboard serves every team, and each namespace shows the threshold in force there.
import type { Model } from '../../model/model.ts';
import { aggregate, binary, by, groupLeft, max, on, selector, string } from '../../promql/index.ts';
import { containerKey, keyOf, namespaceKey } from '../../rules/keys.ts';
import { MEMORY_FORECAST, MEMORY_RATIO, NAMESPACE_THRESHOLD } from '../../rules/record-names.ts';
import { clusterLegend } from '../clusters.ts';
import { rangeQuery, row, timeseriesPanel } from '../common.ts';
import { containerSeries } from '../container-series.ts';
import type { Section } from '../section.ts';
import type { TeamScope } from './team-scope.ts';

const DASHED = { id: 'custom.lineStyle', value: { fill: 'dash', dash: [10, 10] } };

const THRESHOLD_DESCRIPTION =
  'Working set / memory limit, as recorded for the ContainerMemoryNearLimit alert. Dashed red: the alert threshold ' +
  'in force in the selected namespaces, as the rules record it (one line per distinct value); no line where the ' +
  'team turned the alert off.';

const FORECAST_DESCRIPTION =
  'Dashed "forecast": the working set the ContainerMemoryLeak alert forecasts at the end of its horizon, as a ' +
  'fraction of the limit (above 100%: the limit is reached within the horizon). Where several lookbacks or ' +
  'horizons are set, the largest forecast of any; no line for containers too young to judge or where the alert is ' +
  'off.';

export function memorySection(model: Model, scope: TeamScope): Section {
  const containers = containerSeries(model);
  const legend = clusterLegend(model, '{{namespace}}/{{pod}}/{{container}}');
  // One line per distinct threshold (and cluster), not one per namespace: count_values puts each namespace's threshold
  // in a label, so max by it draws each value once.
  const perNamespace = scope.owned(selector(NAMESPACE_THRESHOLD, ...scope.namespaces));
  const byThreshold = aggregate('count_values', perNamespace, {
    grouping: by(namespaceKey(model)),
    param: string('threshold'),
    layout: 'inline',
  });
  const valued = binary(perNamespace, '*', byThreshold, on(namespaceKey(model)), groupLeft(['threshold']), 'lines');
  const thresholds = max(by(keyOf(model, 'threshold')), valued);
  return {
    row: row(100, 'Memory per container'),
    panels: [
      timeseriesPanel(101, 'Working set and memory limit', 'bytes')
        .description('Working set per container (what the kernel compares with the limit); dashed: its memory limit.')
        .withTarget(rangeQuery('A', scope.owned(containers.workingSet(...scope.containers)), legend))
        .withTarget(rangeQuery('B', scope.owned(containers.limit(...scope.containers)), `limit ${legend}`))
        .overrideByQuery('B', [DASHED]),
      timeseriesPanel(102, '% of memory limit', 'percentunit')
        .description(`${THRESHOLD_DESCRIPTION} ${FORECAST_DESCRIPTION}`)
        .min(0)
        .axisSoftMax(1)
        .withTarget(rangeQuery('A', scope.owned(selector(MEMORY_RATIO, ...scope.containers)), legend))
        .withTarget(rangeQuery('B', thresholds, clusterLegend(model, 'alert threshold {{threshold}}')))
        // max by the container key: one forecast per container whatever the (lookback, horizon) pairs.
        .withTarget(
          rangeQuery(
            'C',
            scope.owned(max(by(containerKey(model)), selector(MEMORY_FORECAST, ...scope.containers))),
            `forecast ${legend}`,
          ),
        )
        .overrideByQuery('B', [
          DASHED,
          { id: 'color', value: { mode: 'fixed', fixedColor: 'red' } },
          { id: 'custom.fillOpacity', value: 0 },
        ])
        .overrideByQuery('C', [DASHED, { id: 'custom.fillOpacity', value: 0 }]),
    ],
  };
}
