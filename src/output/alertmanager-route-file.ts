// alertmanager/routes.yaml: a `route:` tree for a hand-kept alertmanager.yml, one child route per team matching
// the `team` label (and the cluster label where the team's claims hold in some clusters only). Receivers are
// named, never defined: their Slack channels and PagerDuty keys stay in the user's file.
import type { Model } from '../model/model.ts';
import { clusterRegex, routingPlan, type TeamRoute } from './alertmanager-team-routes.ts';
import { type GeneratedFile, textFile } from './generated-file.ts';
import { yamlText } from './yaml-text.ts';

const ROUTE_FILE_PATH = 'alertmanager/routes.yaml';

const EXPLANATION = `# Alertmanager routes of headroom's alerts, one per team, matching the \`team\` label every alert
# carries.
# Use: make this \`route:\` the root of your alertmanager.yml (add group_by, timings, your own routes after
# headroom's), or copy its \`routes:\` into your tree. Define every receiver named here in \`receivers:\`.
# \`continue\` is false everywhere: an alert stops at the first route that matches. Team values are unique, so at
# most one team route matches; under it, severity="info" goes to the ticket receiver only. Alerts that match no
# team route (another tool's alerts, when this is your root) go to the root receiver, the default team's.
`;

export function routeFileFiles(model: Model): GeneratedFile[] {
  const plan = routingPlan(model);
  if (plan === undefined || !model.routing?.routeFile.enabled) return [];
  const route = {
    receiver: plan.fallbackReceiver,
    routes: plan.routes.map((team) => teamRoute(team, plan.clusterLabel)),
  };
  const text = yamlText({ route });
  const header = text.slice(0, text.indexOf('route:'));
  return [textFile(ROUTE_FILE_PATH, header + EXPLANATION + text.slice(header.length), { route })];
}

function teamRoute(route: TeamRoute, clusterLabel: string | undefined): Record<string, unknown> {
  const matchers = [`team="${route.team}"`];
  // A cluster scope needs the cluster label (the config refuses it otherwise); checked again so no route is narrowed on
  // a label alerts lack.
  if (route.clusters.length > 0 && clusterLabel !== undefined)
    matchers.push(`${clusterLabel}=~"${clusterRegex(route.clusters)}"`);
  return {
    receiver: route.receiver,
    matchers,
    ...(route.ticketReceiver !== undefined && route.ticketReceiver !== route.receiver
      ? { routes: [{ receiver: route.ticketReceiver, matchers: ['severity="info"'] }] }
      : {}),
  };
}
