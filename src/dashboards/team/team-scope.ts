// What the team dashboard shows: the containers of the selected clusters, namespaces and pods of the selected team.
// The namespace variable lists only the team's namespaces. With several clusters one namespace name may belong to
// different teams in different clusters (a claim scoped to clusters), so there every query also keeps only what the
// team owns, by a join on the owner series; with one cluster the namespace list is already exact.
import type { Model } from '../../model/model.ts';
import { binary, eq, type Expr, type Matcher, on, selector } from '../../promql/index.ts';
import { namespaceKey } from '../../rules/keys.ts';
import { NAMESPACE_OWNER } from '../../rules/record-names.ts';
import { clusterMatchers } from '../clusters.ts';
import { variableMatcher } from '../variables.ts';

/** The team variable holds one team: the shared dashboard's pick, or a copy's fixed team. */
export const TEAM_MATCHER = eq('team', '$team');

export interface TeamScope {
  /** Matchers of the selected clusters and namespaces. */
  namespaces: Matcher[];
  /** Matchers of the selected clusters, namespaces and pods. */
  containers: Matcher[];
  /** `expr` (per container or namespace) restricted to what the team owns. */
  owned(expr: Expr): Expr;
}

export function teamScope(model: Model): TeamScope {
  const namespaces = [...clusterMatchers(model), variableMatcher('namespace', 'namespace')];
  const owners = selector(NAMESPACE_OWNER, ...clusterMatchers(model), TEAM_MATCHER);
  return {
    namespaces,
    containers: [...namespaces, variableMatcher('pod', 'pod')],
    owned: model.clusterLabel
      ? (expr) => binary(expr, 'and', owners, on(namespaceKey(model)), 'lines')
      : (expr) => expr,
  };
}
