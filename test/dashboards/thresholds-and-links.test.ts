// The dashboards and the alerts agree: the team dashboard draws the near-limit threshold from the series the rules
// record (right for every team and namespace, whatever the config), and every dashboard_url of every alert, like every
// link between dashboards, opens a dashboard that exists with variables it has.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.ts';
import { OVERVIEW_DASHBOARD_UID, TEAM_DASHBOARD_UID, teamDashboardUid } from '../../src/values/dashboard-uid.ts';
import type { Model } from '../../src/model/model.ts';
import { NAMESPACE_OWNER, NAMESPACE_THRESHOLD } from '../../src/rules/record-names.ts';
import { vectorSelectors } from '../helpers/promql-tree.ts';
import { CONFIGS } from './helpers/configs.ts';
import { allPanels, type DashboardJson, dashboardsOf, type PanelJson } from './helpers/dashboard-queries.ts';

interface Rule {
  alert?: string;
  record?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

function rulesOf(tree: Map<string, string>): Rule[] {
  return [...tree]
    .filter(([path]) => path.startsWith('prometheus-rules/'))
    .flatMap(([, content]) =>
      (parse(content) as { spec: { groups: { rules: Rule[] }[] } }).spec.groups.flatMap((group) => group.rules),
    );
}

function percentPanel(dashboard: DashboardJson): PanelJson & { targets: { refId: string; expr: string }[] } {
  const panel = allPanels(dashboard).find((candidate) => candidate.title === '% of memory limit');
  expect(panel, `${dashboard.uid} has a % of memory limit panel`).toBeDefined();
  return panel as PanelJson & { targets: { refId: string; expr: string }[] };
}

/** The dashboards with a `team` variable: the shared one and the per-team copies. */
function teamDashboards(dashboards: Map<string, DashboardJson>): DashboardJson[] {
  return [...dashboards.values()].filter((dashboard) =>
    dashboard.templating.list.some((variable) => variable.name === 'team'),
  );
}

describe('threshold line of the team dashboard', () => {
  it.each(Object.entries(CONFIGS))(
    'is the recorded threshold of the selected namespaces, no number written in (%s)',
    async (_name, config) => {
      const { tree, model } = await generate(config);
      const dashboards = dashboardsOf(tree);
      const teams = teamDashboards(dashboards);
      expect(teams.map((dashboard) => dashboard.uid).sort()).toEqual(
        [TEAM_DASHBOARD_UID, ...model.output.dashboards.perTeam.map(teamDashboardUid)].sort(),
      );
      // The rules record the series the line reads.
      expect(rulesOf(tree).some((rule) => rule.record === NAMESPACE_THRESHOLD)).toBe(true);
      for (const dashboard of teams) {
        const panel = percentPanel(dashboard);
        const defaults = panel.fieldConfig!.defaults;
        expect(defaults.unit).toBe('percentunit');
        // No static threshold steps: a number written into the dashboard would be one team's, wrong for the others.
        expect(defaults.thresholds?.steps.filter((step) => step.value !== null) ?? []).toEqual([]);
        expect(defaults.custom?.thresholdsStyle?.mode ?? 'off').toBe('off');
        const lines = panel.targets.filter((target) =>
          vectorSelectors(target.expr).some((selector) => selector.metric === NAMESPACE_THRESHOLD),
        );
        expect(
          lines.map((target) => target.refId),
          dashboard.uid,
        ).toEqual(['B']);
        const selectors = vectorSelectors(lines[0]!.expr);
        const threshold = selectors.find((selector) => selector.metric === NAMESPACE_THRESHOLD)!;
        expect(threshold.matchers).toEqual(
          expect.arrayContaining(['namespace=~"$namespace"', ...clusterMatchers(model)]),
        );
        // With clusters, a namespace name may be another team's elsewhere: the line keeps the selected team's only.
        // (Twice: count_values reads the thresholds once more to put each value in the `threshold` label of its line.)
        const owners = selectors.filter((selector) => selector.metric === NAMESPACE_OWNER);
        expect(owners.map((selector) => selector.matchers)).toEqual(
          model.clusterLabel
            ? [
                [...clusterMatchers(model), 'team="$team"'],
                [...clusterMatchers(model), 'team="$team"'],
              ]
            : [],
        );
        expect(lines[0]!.expr).toMatch(model.clusterLabel ? /^max by \(cluster, threshold\)/ : /^max by \(threshold\)/);
        expect(panel.description).toContain('the alert threshold in force in the selected namespaces');
      }
    },
  );

  it('is the same query on the per-team copies, whose team variable is fixed and hidden', async () => {
    const dashboards = dashboardsOf((await generate(CONFIGS['two clusters'])).tree);
    const shared = dashboards.get(TEAM_DASHBOARD_UID)!;
    const copy = dashboards.get(teamDashboardUid('payments'))!;
    expect(copy.title).toBe('Kubernetes memory / Team payments');
    expect(shared.title).toBe('Kubernetes memory / Team');
    expect(allPanels(copy).map((panel) => panel.targets)).toEqual(allPanels(shared).map((panel) => panel.targets));
    expect(copy.templating.list.find((variable) => variable.name === 'team')).toMatchObject({
      type: 'constant',
      query: 'payments',
      hide: 2,
    });
    expect(shared.templating.list.find((variable) => variable.name === 'team')).toMatchObject({
      type: 'query',
      query: 'label_values(headroom:namespace_owner:info{cluster=~"$cluster"}, team)',
      multi: false,
    });
  });
});

function clusterMatchers(model: Model): string[] {
  return model.clusterLabel ? [`${model.clusterLabel}=~"$cluster"`] : [];
}

/** `/d/<uid>?a=b&c=d` (absolute or relative) as uid and parameters. */
function parseDashboardUrl(url: string): { uid: string; params: [string, string][] } {
  const match = /\/d\/([^?]+)(?:\?(.*))?$/.exec(url);
  expect(match, url).not.toBeNull();
  return {
    uid: match![1]!,
    params: (match![2] ?? '')
      .split('&')
      .filter(Boolean)
      .map((pair) => pair.split('=') as [string, string]),
  };
}

function variablesOf(dashboard: DashboardJson): string[] {
  return dashboard.templating.list.map((variable) => variable.name);
}

/** Alerts about a node link the overview on it; alerts about a whole namespace link the team dashboard on it. */
const NODE_ALERTS = ['NodeMemoryPressure', 'NodeMemoryEvictions'];
const NAMESPACE_ALERTS = ['PodsEvicted', 'ContainersWithoutMemoryLimit', 'ContainersAboveMemoryRequest'];

describe('dashboard_url of every alert', () => {
  it.each(Object.entries(CONFIGS))(
    'names a generated dashboard and only variables it has (%s)',
    async (_name, config) => {
      const { tree, model } = await generate(config);
      const dashboards = dashboardsOf(tree);
      const linked = rulesOf(tree).filter((rule) => rule.alert && rule.annotations?.dashboard_url);
      expect(linked.map((rule) => rule.alert)).toEqual(
        expect.arrayContaining(['ContainerMemoryNearLimit', 'ContainerOOMKilled', 'NodeMemoryPressure']),
      );
      for (const rule of linked) {
        const url = rule.annotations!.dashboard_url!;
        expect(url.startsWith(`${model.links.grafanaUrl}/d/`), url).toBe(true);
        const { uid, params } = parseDashboardUrl(url);
        expect(dashboards.has(uid), `${rule.alert} links to ${uid}`).toBe(true);
        expect([TEAM_DASHBOARD_UID, OVERVIEW_DASHBOARD_UID]).toContain(uid);
        const names = params.map(([name]) => name);
        if (NODE_ALERTS.includes(rule.alert!)) expect(names, url).toContain('var-node');
        else if (NAMESPACE_ALERTS.includes(rule.alert!))
          expect(names, url).toEqual(expect.arrayContaining(['var-team', 'var-namespace']));
        else expect(names, url).toEqual(expect.arrayContaining(['var-team', 'var-namespace', 'var-pod']));
        expect(names.includes('var-cluster'), url).toBe(model.clusterLabel !== undefined);
        for (const [name, value] of params) {
          expect(name, url).toMatch(/^var-/);
          const variable = name.slice('var-'.length);
          expect(variablesOf(dashboards.get(uid)!), `${rule.alert} sets ${name} on ${uid}`).toContain(variable);
          expect(value).toBe(
            variable === 'cluster' ? `{{ $labels.${model.clusterLabel} | urlquery }}` : `{{ $labels.${variable} }}`,
          );
        }
      }
    },
  );
});

describe('firing alerts of the team dashboard', () => {
  it.each(Object.entries(CONFIGS))(
    'lists every alert the rules define, so each one a team gets shows there (%s)',
    async (_name, config) => {
      const { tree } = await generate(config);
      const defined = [...new Set(rulesOf(tree).flatMap((rule) => (rule.alert ? [rule.alert] : [])))].sort();
      expect(defined.length).toBeGreaterThan(3);
      for (const dashboard of teamDashboards(dashboardsOf(tree))) {
        const panel = allPanels(dashboard).find(
          (candidate) => candidate.title === 'headroom alerts of team $team firing now',
        )!;
        const alertname = vectorSelectors(panel.targets![0]!.expr)[0]!.matchers.find((matcher) =>
          matcher.startsWith('alertname=~'),
        )!;
        const listed = /^alertname=~"(.*)"$/.exec(alertname)![1]!.split('|');
        expect(listed, dashboard.uid).toEqual(expect.arrayContaining(defined));
      }
    },
  );
});

describe('links between dashboards', () => {
  it.each(Object.entries(CONFIGS))(
    'every dashboard links to the others, carrying the selected clusters (%s)',
    async (_name, config) => {
      const { tree, model } = await generate(config);
      const dashboards = dashboardsOf(tree);
      for (const dashboard of dashboards.values()) {
        const urls = dashboard.links.flatMap((link) => (link.url ? [link.url] : []));
        expect(urls, dashboard.uid).toContain(model.links.runbookUrlPattern.replace('%s', 'containeroomkilled'));
        // The dropdown of every headroom dashboard (the per-team copies among them), found by tag.
        expect(dashboard.links.find((link) => link.type === 'dashboards')?.tags, dashboard.uid).toEqual(['headroom']);
        const targets = urls.filter((url) => url.startsWith('/d/')).map(parseDashboardUrl);
        const expected =
          dashboard.uid === OVERVIEW_DASHBOARD_UID
            ? [TEAM_DASHBOARD_UID]
            : dashboard.uid === TEAM_DASHBOARD_UID
              ? [OVERVIEW_DASHBOARD_UID]
              : [OVERVIEW_DASHBOARD_UID, TEAM_DASHBOARD_UID];
        expect(
          targets.map((target) => target.uid),
          dashboard.uid,
        ).toEqual(expected);
        for (const target of targets) {
          expect(dashboards.has(target.uid)).toBe(true);
          expect(
            target.params.map(([name]) => name),
            dashboard.uid,
          ).toEqual(model.clusterLabel ? ['${cluster:queryparam}'] : []);
        }
        // Shown in the dashboard's top bar, not hidden in the controls menu of recent Grafana versions.
        expect(dashboard.links.filter((link) => link.placement !== undefined)).toEqual([]);
      }
    },
  );

  it.each(Object.entries(CONFIGS))(
    "the overview's table opens the shared team dashboard on a pod, with variables it has (%s)",
    async (_name, config) => {
      const { tree, model } = await generate(config);
      const dashboards = dashboardsOf(tree);
      const table = allPanels(dashboards.get(OVERVIEW_DASHBOARD_UID)!).find((panel) => panel.id === 201) as unknown as {
        fieldConfig: {
          overrides: { matcher: { options: string }; properties: { id: string; value: { url: string }[] }[] }[];
        };
      };
      const podOverride = table.fieldConfig.overrides.find((override) => override.matcher.options === 'pod')!;
      const { uid, params } = parseDashboardUrl(podOverride.properties[0]!.value[0]!.url);
      expect(uid).toBe(TEAM_DASHBOARD_UID);
      const variables = params.filter(([name]) => name.startsWith('var-'));
      expect(variables).toEqual([
        ['var-team', '${__data.fields.team}'],
        ['var-namespace', '${__data.fields.namespace}'],
        ['var-pod', '${__data.fields.pod}'],
        ...(model.clusterLabel ? [['var-cluster', `\${__data.fields.${model.clusterLabel}}`]] : []),
      ]);
      for (const [name] of variables) expect(variablesOf(dashboards.get(uid)!)).toContain(name.slice('var-'.length));
      expect(params.map(([name]) => name)).toContain('${__url_time_range}');
    },
  );
});
