// Template variables. Their names are part of the contract with the alerts: dashboard_url sets `var-namespace`,
// `var-pod` (team dashboards) and `var-node` (overview), so these names must not change.
import {
  DatasourceVariableBuilder,
  QueryVariableBuilder,
  VariableRefresh,
  VariableSort,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { DATASOURCE } from './common.ts';

export const DATASOURCE_VARIABLE = 'datasource';

export function datasourceVariable(): DatasourceVariableBuilder {
  return new DatasourceVariableBuilder(DATASOURCE_VARIABLE).label('Data source').type('prometheus');
}

export interface ValuesOf {
  /** A series selector whose label values are the choices. */
  selector: string;
  label: string;
  /**
   * What "All" stands for. Unset, Grafana sends the regex of every listed value: right where the list is a
   * restriction (a team's namespaces). `.*` keeps queries short where the list is every value anyway.
   */
  allValue?: string;
}

/** A multi-value variable listing the values of one label, "All" selected unless the URL says otherwise. */
export function labelValuesVariable(name: string, title: string, { selector, label, allValue }: ValuesOf): QueryVariableBuilder {
  const query = `label_values(${selector}, ${label})`;
  const variable = new QueryVariableBuilder(name)
    .label(title)
    .datasource(DATASOURCE)
    .query(query)
    .definition(query)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .multi(true)
    .includeAll(true)
    .current({ selected: true, text: 'All', value: '$__all' });
  return allValue === undefined ? variable : variable.allValue(allValue);
}

/** Regex matcher of a multi-value variable (Grafana writes several values as `a|b`). */
export function variableMatcher(label: string, variable: string): string {
  return `${label}=~"$${variable}"`;
}
