// alertmanager.yml of one ruler's Alertmanager: headroom's generated `route:` tree as the root, with timings short
// enough for a test and one group per alert, and every receiver it names posting to the webhook sink at a path that
// names the ruler and the receiver.
import { parse, stringify } from 'yaml';

interface Route {
  receiver?: string;
  routes?: Route[];
  [key: string]: unknown;
}

/** Every receiver a route tree names. */
function receiversOf(route: Route): string[] {
  const names = new Set<string>();
  const walk = (node: Route) => {
    if (node.receiver !== undefined) names.add(node.receiver);
    for (const child of node.routes ?? []) walk(child);
  };
  walk(route);
  return [...names].sort();
}

export function alertmanagerConfig(routesYaml: string, webhookUrl: (receiver: string) => string): string {
  const { route } = parse(routesYaml) as { route: Route };
  if (route === undefined) throw new Error('alertmanager/routes.yaml has no `route:`');
  const root: Route = {
    ...route,
    // Each alert its own group, notified 1 s after it arrives and again as soon as it changes: a label set that
    // exists for one evaluation still reaches its receiver, and every distinct alert is counted at the sink.
    group_by: ['...'],
    group_wait: '1s',
    group_interval: '1s',
    repeat_interval: '1h',
  };
  const receivers = receiversOf(route).map((name) => ({
    name,
    webhook_configs: [{ url: webhookUrl(name), send_resolved: true }],
  }));
  return stringify({ route: root, receivers }, { lineWidth: 0 });
}
