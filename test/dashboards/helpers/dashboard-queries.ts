// Reads generated dashboards back from a generated tree: their variables, panels and every PromQL query.
import type { GeneratedTree } from '../../../src/output/generated-tree.ts';

export interface DashboardJson {
  uid: string;
  title: string;
  links: { title: string; type: string; url?: string; tags?: string[]; placement?: string }[];
  templating: { list: { name: string; type: string; query?: unknown; allValue?: string }[] };
  annotations: { list: { name: string; expr?: string }[] };
  panels: PanelJson[];
}

export interface PanelJson {
  id: number;
  type: string;
  title: string;
  panels?: PanelJson[];
  targets?: { refId: string; expr: string }[];
  fieldConfig?: { defaults: { unit?: string; thresholds?: { steps: { value: number | null }[] }; custom?: { thresholdsStyle?: { mode: string } } } };
  description?: string;
}

export interface Query {
  dashboard: string;
  /** Where the query sits: `panel <id> <refId>`, `variable <name>` or `annotation <name>`. */
  where: string;
  expr: string;
}

/** Every dashboard of the tree by uid, from `dashboards/<uid>.json`. */
export function dashboardsOf(tree: GeneratedTree): Map<string, DashboardJson> {
  const found = new Map<string, DashboardJson>();
  for (const [path, content] of tree) {
    const match = /^dashboards\/([^/]+)\.json$/.exec(path);
    if (match) found.set(match[1]!, JSON.parse(content) as DashboardJson);
  }
  return found;
}

export function allPanels(dashboard: DashboardJson): PanelJson[] {
  const walk = (panels: PanelJson[]): PanelJson[] => panels.flatMap((panel) => [panel, ...walk(panel.panels ?? [])]);
  return walk(dashboard.panels);
}

/** Panel and annotation queries, and the series selector inside every `label_values(selector, label)` variable query. */
export function queriesOf(dashboard: DashboardJson): Query[] {
  const panelQueries = allPanels(dashboard).flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({ dashboard: dashboard.uid, where: `panel ${panel.id} ${target.refId}`, expr: target.expr })),
  );
  const variableQueries = dashboard.templating.list
    .filter((variable) => variable.type === 'query')
    .map((variable) => {
      const match = /^label_values\((.*), ([a-z_]+)\)$/s.exec(String(variable.query));
      if (!match) throw new Error(`${dashboard.uid}: variable ${variable.name} is not label_values(selector, label): ${String(variable.query)}`);
      return { dashboard: dashboard.uid, where: `variable ${variable.name}`, expr: match[1]! };
    });
  const annotationQueries = dashboard.annotations.list
    .filter((annotation) => annotation.expr !== undefined)
    .map((annotation) => ({ dashboard: dashboard.uid, where: `annotation ${annotation.name}`, expr: annotation.expr! }));
  return [...panelQueries, ...variableQueries, ...annotationQueries];
}

/** Sample values for Grafana's variables, as Grafana would interpolate them (multi-values as a regex). */
const SAMPLES: [RegExp, string][] = [
  [/\$__rate_interval\b|\$\{__rate_interval\}/g, '5m'],
  [/\$__range\b|\$\{__range\}/g, '6h'],
  [/\$__interval\b|\$\{__interval\}/g, '1m'],
  [/\$namespace\b|\$\{namespace(:regex)?\}/g, 'payments|payments-eu'],
  [/\$pod\b|\$\{pod(:regex)?\}/g, 'api-7d9f-x2x|.*'],
  [/\$node\b|\$\{node(:regex)?\}/g, 'node-1'],
];

export function withSampleValues(expr: string): string {
  return SAMPLES.reduce((text, [pattern, value]) => text.replace(pattern, value), expr);
}

/** Every query of the tree's dashboards as a recording rule `headroom_dashboard_check:<uid>:<where>`, sample values in. */
export function queryRules(tree: GeneratedTree): { record: string; expr: string }[] {
  return [...dashboardsOf(tree).values()].flatMap(queriesOf).map((query) => ({
    record: `headroom_dashboard_check:${query.dashboard.replace(/-/g, '_')}:${query.where.replace(/[^a-zA-Z0-9]+/g, '_')}`,
    expr: withSampleValues(query.expr),
  }));
}
