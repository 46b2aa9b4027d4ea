// Several clusters in one metrics store (model.clusterLabel set): every dashboard gets a `cluster` variable, every
// query filters by it and keeps the label in every `by`, tables show it, legends name it and links carry it.
// Without a cluster label each helper gives what a single cluster needs: nothing.
import type { QueryVariableBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import type { Model } from '../model/model.ts';
import { type Matcher, selector } from '../promql/index.ts';
import { NAMESPACE_OWNER } from '../rules/record-names.ts';
import { labelValuesVariable, variableMatcher } from './variables.ts';

/** The variable's name whatever the label is called: alerts link with `var-cluster`. */
export const CLUSTER_VARIABLE = 'cluster';

/** The selected clusters as a matcher; none for a single cluster. */
export function clusterMatchers(model: Model): Matcher[] {
  return model.clusterLabel ? [variableMatcher(model.clusterLabel, CLUSTER_VARIABLE)] : [];
}

/** The clusters the owner series know (every namespace seen has one), "All" by default. */
export function clusterVariable(model: Model): QueryVariableBuilder[] {
  if (!model.clusterLabel) return [];
  return [
    labelValuesVariable(CLUSTER_VARIABLE, 'Cluster', {
      selector: selector(NAMESPACE_OWNER),
      label: model.clusterLabel,
      allValue: '.*',
    }),
  ];
}

/** A legend naming the cluster first, so two clusters' payments/api-0/app are two lines one can tell apart. */
export function clusterLegend(model: Model, legend: string): string {
  return model.clusterLabel ? `{{${model.clusterLabel}}}/${legend}` : legend;
}

/**
 * Query-string parameters that carry the selected clusters to another dashboard. Grafana's `queryparam` format writes
 * `var-cluster=<value>` once per selected value ("All" as `$__all`); empty for a single cluster.
 */
export function clusterLinkParams(model: Model): string[] {
  return model.clusterLabel ? [`\${${CLUSTER_VARIABLE}:queryparam}`] : [];
}
