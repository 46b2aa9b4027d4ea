// Overview: per namespace, what containers use (working set) against what they asked for and may use at most.
import type { Model } from '../../model/model.ts';
import { by, type Expr, sum } from '../../promql/index.ts';
import { namespaceKey } from '../../rules/keys.ts';
import { clusterLegend, clusterMatchers } from '../clusters.ts';
import { rangeQuery, row, timeseriesPanel } from '../common.ts';
import { containerSeries } from '../container-series.ts';
import type { Section } from '../section.ts';
import { variableMatcher } from '../variables.ts';

export function requestsLimitsSection(model: Model): Section {
  const selected = [...clusterMatchers(model), variableMatcher('namespace', 'namespace')];
  const containers = containerSeries(model);
  const perNamespace = (inner: Expr) => sum(by(namespaceKey(model)), inner);
  const legend = (what: string) => clusterLegend(model, `{{namespace}} ${what}`);
  const dashed = [{ id: 'custom.lineStyle', value: { fill: 'dash', dash: [10, 10] } }];
  return {
    row: row(400, 'Working set, requests and limits per namespace'),
    panels: [
      timeseriesPanel(401, 'Working set vs requests vs limits', 'bytes')
        .span(24)
        .height(10)
        .description(
          'Sums per namespace. Containers without a limit add to the working set and requests, not to the limits.',
        )
        .withTarget(rangeQuery('A', perNamespace(containers.workingSet(...selected)), legend('working set')))
        .withTarget(rangeQuery('B', perNamespace(containers.request(...selected)), legend('requests')))
        .withTarget(rangeQuery('C', perNamespace(containers.limit(...selected)), legend('limits')))
        .overrideByQuery('B', dashed)
        .overrideByQuery('C', [...dashed, { id: 'custom.lineWidth', value: 2 }]),
    ],
  };
}
