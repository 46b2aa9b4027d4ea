// Where each team's alerts go: the team file's receivers, else the config's. One entry per `team` label value the
// rules can emit (every claiming team and the default team), so a route tree built from them leaves no team out.
import type { Model } from '../model/model.ts';
import { byCodePoint } from '../values/ordering.ts';

export interface TeamRoute {
  team: string;
  receiver: string;
  /** Receiver of the team's severity="info" alerts; undefined: they go to `receiver`. */
  ticketReceiver: string | undefined;
  /** Cluster patterns the team's claims hold in; empty: every cluster (always empty for the default team). */
  clusters: string[];
}

interface RoutingPlan {
  /** The cluster label, when one is configured: cluster-scoped teams are matched on it. */
  clusterLabel: string | undefined;
  /** The default team's receiver: the root of the tree, for alerts no team route matches. */
  fallbackReceiver: string;
  routes: TeamRoute[];
}

/** undefined when the config has no `routing`. */
export function routingPlan(model: Model): RoutingPlan | undefined {
  const routing = model.routing;
  if (routing === undefined) return undefined;
  const byTeam = new Map<string, TeamRoute>();
  for (const owner of model.owners) {
    // The default team's alerts also come from everything unclaimed, in every cluster: never scope its route.
    const isDefault = owner.team === model.defaultTeam;
    const existing = byTeam.get(owner.team);
    if (existing && isDefault) continue;
    byTeam.set(owner.team, {
      team: owner.team,
      receiver: owner.routing?.receiver ?? routing.defaultReceiver,
      ticketReceiver: owner.routing?.ticketReceiver ?? routing.ticketReceiver,
      clusters: isDefault ? [] : owner.clusters,
    });
  }
  const routes = [...byTeam.values()].sort((a, b) => byCodePoint(a.team, b.team));
  const fallbackReceiver = byTeam.get(model.defaultTeam)?.receiver ?? routing.defaultReceiver;
  return { clusterLabel: model.clusterLabel, fallbackReceiver, routes };
}

/**
 * A cluster glob as an Alertmanager regular expression (Alertmanager anchors it): `*` any run, `?` one character,
 * `.` literal. Cluster patterns allow only letters, digits and `_ . : - * ?`, so nothing else needs escaping.
 */
export function clusterRegex(patterns: readonly string[]): string {
  return patterns
    .map((pattern) => pattern.replace(/[.*?]/g, (char) => (char === '*' ? '.*' : char === '?' ? '.' : '[.]')))
    .join('|');
}

/**
 * The routing as headroom-settings.yaml states it (undefined: the config has none), so `headroom diff` names a
 * team whose alerts now go elsewhere: each team's effective receivers, fallbacks resolved.
 */
export function routingSettings(model: Model): Record<string, unknown> | undefined {
  const plan = routingPlan(model);
  if (plan === undefined || model.routing === undefined) return undefined;
  const { routeFile, alertmanagerConfig } = model.routing;
  const teams = plan.routes.map((route) => [
    route.team,
    {
      receiver: route.receiver,
      ...(route.ticketReceiver !== undefined ? { ticketReceiver: route.ticketReceiver } : {}),
      ...(route.clusters.length > 0 ? { clusters: route.clusters } : {}),
    },
  ]);
  return {
    fallbackReceiver: plan.fallbackReceiver,
    routeFile: routeFile.enabled,
    alertmanagerConfig,
    teams: Object.fromEntries(teams),
  };
}
