// prometheus-operator AlertmanagerConfig objects (monitoring.coreos.com/v1alpha1), one per team, opt-in.
// The operator adds two things to each object's top route: `continue: true` (so every object is tried), and, under
// the default alertmanagerConfigMatcherStrategy OnNamespace, a matcher `namespace="<the object's namespace>"`.
// headroom's alerts carry the workload's namespace (node alerts none), so under OnNamespace these objects would
// match nothing: they live in the Alertmanager's own namespace and need OnNamespaceExceptForAlertmanagerNamespace
// (operator ≥ 0.84; None works too) on the Alertmanager. An object's routes may only name receivers it defines, so
// each defines its receivers from routing.alertmanagerConfig.receivers (Secret references, never secret values).
import type { Model } from '../model/model.ts';
import { sortKeysDeep } from '../values/ordering.ts';
import { clusterRegex, routingPlan, type TeamRoute } from './alertmanager-team-routes.ts';
import { type GeneratedFile, objectFile } from './generated-file.ts';

function alertmanagerConfigPath(team: string): string {
  return `alertmanager/alertmanager-config-${team}.yaml`;
}

export function alertmanagerConfigFiles(model: Model): GeneratedFile[] {
  const plan = routingPlan(model);
  const settings = model.routing?.alertmanagerConfig;
  if (plan === undefined || !settings?.enabled) return [];
  return plan.routes.map((route): GeneratedFile => {
    const receivers = [...new Set([route.receiver, ...(route.ticketReceiver ? [route.ticketReceiver] : [])])].sort();
    const object = {
      apiVersion: 'monitoring.coreos.com/v1alpha1',
      kind: 'AlertmanagerConfig',
      metadata: {
        name: `headroom-${route.team}`,
        namespace: settings.namespace,
        ...(Object.keys(settings.labels).length > 0 ? { labels: sortKeysDeep(settings.labels) } : {}),
      },
      spec: {
        route: objectRoute(route, plan.clusterLabel),
        // check-routing refuses a receiver without an entry: an empty receiver would drop the team's alerts.
        receivers: receivers.map((name) => ({ name, ...integrations(settings.receivers[name]) })),
      },
    };
    return objectFile(alertmanagerConfigPath(route.team), object);
  });
}

function objectRoute(route: TeamRoute, clusterLabel: string | undefined): Record<string, unknown> {
  const matchers: { name: string; value: string; matchType: string }[] = [
    { name: 'team', value: route.team, matchType: '=' },
  ];
  if (route.clusters.length > 0 && clusterLabel !== undefined)
    matchers.push({ name: clusterLabel, value: clusterRegex(route.clusters), matchType: '=~' });
  return {
    receiver: route.receiver,
    matchers,
    ...(route.ticketReceiver !== undefined && route.ticketReceiver !== route.receiver
      ? {
          routes: [{ receiver: route.ticketReceiver, matchers: [{ name: 'severity', value: 'info', matchType: '=' }] }],
        }
      : {}),
  };
}

/** A receiver's spec as the config gives it, keys sorted, without a `name` that would rename it. */
function integrations(spec: Record<string, unknown> | undefined): Record<string, unknown> {
  const { name: _name, ...rest } = spec ?? {};
  return sortKeysDeep(rest) as Record<string, unknown>;
}
