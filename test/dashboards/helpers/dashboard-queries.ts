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
  fieldConfig?: {
    defaults: {
      unit?: string;
      thresholds?: { steps: { value: number | null }[] };
      custom?: { thresholdsStyle?: { mode: string } };
    };
  };
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

/**
 * Panel and annotation queries, and the series selector inside every `label_values(selector, label)` variable query.
 */
export function queriesOf(dashboard: DashboardJson): Query[] {
  const panelQueries = allPanels(dashboard).flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({
      dashboard: dashboard.uid,
      where: `panel ${panel.id} ${target.refId}`,
      expr: target.expr,
    })),
  );
  const variableQueries = dashboard.templating.list
    .filter((variable) => variable.type === 'query')
    .map((variable) => {
      const match = /^label_values\((.*), ([a-z_]+)\)$/s.exec(String(variable.query));
      if (!match)
        throw new Error(
          `${dashboard.uid}: variable ${variable.name} is not label_values(selector, label): ${String(variable.query)}`,
        );
      return { dashboard: dashboard.uid, where: `variable ${variable.name}`, expr: match[1]! };
    });
  const annotationQueries = dashboard.annotations.list
    .filter((annotation) => annotation.expr !== undefined)
    .map((annotation) => ({
      dashboard: dashboard.uid,
      where: `annotation ${annotation.name}`,
      expr: annotation.expr!,
    }));
  return [...panelQueries, ...variableQueries, ...annotationQueries];
}

/** Sample values for Grafana's variables, as Grafana would interpolate them (multi-values as a regex). */
const SAMPLES: Record<string, string> = {
  namespace: 'payments|payments-eu',
  pod: 'api-7d9f-x2x|.*',
  node: 'node-1|node-2',
  cluster: 'eu-1|us-1',
  team: 'payments',
};

const BUILT_IN: [RegExp, string][] = [
  [/\$__rate_interval\b|\$\{__rate_interval\}/g, '5m'],
  [/\$__range\b|\$\{__range\}/g, '6h'],
  [/\$__interval\b|\$\{__interval\}/g, '1m'],
];

/** `expr` with Grafana's variables replaced: built-in ones, then `values` (SAMPLES by default). */
export function withSampleValues(expr: string, values: Record<string, string> = SAMPLES): string {
  const builtIn = BUILT_IN.reduce((text, [pattern, value]) => text.replace(pattern, value), expr);
  return Object.entries(values).reduce(
    (text, [name, value]) => text.replace(new RegExp(`\\$${name}\\b|\\$\\{${name}(:regex)?\\}`, 'g'), value),
    builtIn,
  );
}

/**
 * Teams the shared team dashboard is checked for, each with the namespaces its namespace variable would list
 * (a regex, as Grafana sends "All"). Per-team copies use the entry of their fixed team.
 */
export type TeamSamples = Record<string, string>;

const DEFAULT_TEAM_SAMPLES: TeamSamples = { payments: 'payments|payments-eu' };

/** The variable values a dashboard's queries are checked with, by a name for the recorded series. */
function sampleSets(dashboard: DashboardJson, teams: TeamSamples): [string, Record<string, string>][] {
  const uid = dashboard.uid.replace(/-/g, '_');
  const team = dashboard.templating.list.find((variable) => variable.name === 'team');
  if (team?.type === 'query')
    return Object.entries(teams).map(([name, namespaces]) => [
      `${uid}:${name.replace(/-/g, '_')}`,
      { ...SAMPLES, team: name, namespace: namespaces },
    ]);
  if (team?.type === 'constant') {
    const name = String(team.query);
    return [[uid, { ...SAMPLES, team: name, namespace: teams[name] ?? SAMPLES.namespace! }]];
  }
  return [[uid, SAMPLES]];
}

/**
 * Every query of the tree's dashboards as a recording rule `headroom_dashboard_check:<uid>:<where>`, sample values
 * in; the shared team dashboard's once per sample team, as `headroom_dashboard_check:<uid>:<team>:<where>`.
 */
export function queryRules(
  tree: GeneratedTree,
  teams: TeamSamples = DEFAULT_TEAM_SAMPLES,
): { record: string; expr: string }[] {
  return [...dashboardsOf(tree).values()].flatMap((dashboard) =>
    sampleSets(dashboard, teams).flatMap(([name, values]) =>
      queriesOf(dashboard).map((query) => ({
        record: `headroom_dashboard_check:${name}:${query.where.replace(/[^a-zA-Z0-9]+/g, '_')}`,
        expr: withSampleValues(query.expr, values),
      })),
    ),
  );
}
