// Template variables. Their names are part of the contract with the alerts: dashboard_url sets `var-team`,
// `var-namespace`, `var-pod` (team dashboard), `var-node` (overview) and `var-cluster`, so these names must not change.
import {
  ConstantVariableBuilder,
  DatasourceVariableBuilder,
  QueryVariableBuilder,
  VariableRefresh,
  VariableSort,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { type Matcher, print, re, type Selector } from '../promql/index.ts';
import { DATASOURCE } from './common.ts';

const DATASOURCE_VARIABLE = 'datasource';

export function datasourceVariable(): DatasourceVariableBuilder {
  return new DatasourceVariableBuilder(DATASOURCE_VARIABLE).label('Data source').type('prometheus');
}

interface ValuesOf {
  /** A series selector whose label values are the choices. */
  selector: Selector;
  label: string;
  /**
   * What "All" stands for. Unset, Grafana sends the regex of every listed value: right where the list is a
   * restriction (a team's namespaces). `.*` keeps queries short where the list is every value anyway.
   */
  allValue?: string;
}

/** A multi-value variable listing the values of one label, "All" selected unless the URL says otherwise. */
export function labelValuesVariable(
  name: string,
  title: string,
  { selector, label, allValue }: ValuesOf,
): QueryVariableBuilder {
  const query = labelValues(selector, label);
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
export function variableMatcher(label: string, variable: string): Matcher {
  return re(label, `$${variable}`);
}

/** Grafana's query of a variable's choices: the values of `label` among the series `selector` selects. */
function labelValues(selector: Selector, label: string): string {
  return `label_values(${print(selector)}, ${label})`;
}

/**
 * The team of the shared team dashboard: one team at a time (alerts link with `var-team`), the first one by name
 * unless the URL says otherwise.
 */
export function teamVariable(selector: Selector): QueryVariableBuilder {
  const query = labelValues(selector, 'team');
  return new QueryVariableBuilder('team')
    .label('Team')
    .datasource(DATASOURCE)
    .query(query)
    .definition(query)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .multi(false)
    .includeAll(false);
}

/** The team of a per-team copy: fixed, hidden, so the copy runs exactly the shared dashboard's queries. */
export function fixedTeamVariable(team: string): ConstantVariableBuilder {
  return new ConstantVariableBuilder('team').label('Team').value(team);
}
