// Team dashboard: working set against the limit, and the same as a fraction with the team's alert threshold.
import { GraphThresholdsStyleConfigBuilder, GraphThresholdsStyleMode } from '@grafana/grafana-foundation-sdk/common';
import { ThresholdsConfigBuilder, ThresholdsMode } from '@grafana/grafana-foundation-sdk/dashboard';
import type { Model } from '../../model/model.ts';
import { series } from '../../rules/promql.ts';
import { MEMORY_RATIO } from '../../rules/record-names.ts';
import { rangeQuery, row, timeseriesPanel } from '../common.ts';
import { containerSeries } from '../container-series.ts';
import type { Section } from '../section.ts';
import { variableMatcher } from '../variables.ts';
import { nearLimitThresholds } from './team-thresholds.ts';

const CONTAINER_LEGEND = '{{namespace}}/{{pod}}/{{container}}';
/** Colours of successive threshold lines, lowest first. */
const LINE_COLOURS = ['orange', 'red', 'dark-red'];

export function memorySection(model: Model, team: string): Section {
  const selected = [variableMatcher('namespace', 'namespace'), variableMatcher('pod', 'pod')];
  const containers = containerSeries(model);
  const thresholds = nearLimitThresholds(model, team);
  return {
    row: row(100, 'Memory per container'),
    panels: [
      timeseriesPanel(101, 'Working set and memory limit', 'bytes')
        .description('Working set per container (what the kernel compares with the limit); dashed: its memory limit.')
        .withTarget(rangeQuery('A', containers.workingSet(...selected), CONTAINER_LEGEND))
        .withTarget(rangeQuery('B', containers.limit(...selected), `limit ${CONTAINER_LEGEND}`))
        .overrideByQuery('B', [{ id: 'custom.lineStyle', value: { fill: 'dash', dash: [10, 10] } }]),
      timeseriesPanel(102, '% of memory limit', 'percentunit')
        .description(thresholdDescription(thresholds))
        .min(0)
        .axisSoftMax(1)
        .withTarget(rangeQuery('A', series(MEMORY_RATIO, ...selected), CONTAINER_LEGEND))
        .thresholds(
          new ThresholdsConfigBuilder()
            .mode(ThresholdsMode.Absolute)
            .steps([{ value: null, color: 'green' }, ...thresholds.map((value, i) => ({ value, color: LINE_COLOURS[Math.min(i, LINE_COLOURS.length - 1)]! }))]),
        )
        .thresholdsStyle(new GraphThresholdsStyleConfigBuilder().mode(thresholds.length > 0 ? GraphThresholdsStyleMode.Dashed : GraphThresholdsStyleMode.Off)),
    ],
  };
}

function thresholdDescription(thresholds: number[]): string {
  const ratio = 'Working set / memory limit, as recorded for the ContainerMemoryNearLimit alert.';
  if (thresholds.length === 0) return `${ratio} The team has ContainerMemoryNearLimit turned off: no threshold line.`;
  const lines = thresholds.map((value) => `${Number((value * 100).toPrecision(12))}%`).join(' and ');
  return `${ratio} Dashed: the alert threshold of the team (${lines}${thresholds.length > 1 ? ', for different namespaces' : ''}).`;
}
