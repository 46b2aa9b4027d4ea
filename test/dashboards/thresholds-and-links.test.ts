// The dashboards and the alerts agree: each team dashboard draws its team's near-limit threshold (the number the
// alert uses), and every dashboard_url of every alert opens a dashboard that exists, with variables it has.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.ts';
import { teamDashboardUid } from '../../src/model/dashboard-uid.ts';
import { NAMESPACE_THRESHOLD } from '../../src/rules/record-names.ts';
import { CONFIGS } from './helpers/configs.ts';
import { allPanels, type DashboardJson, dashboardsOf } from './helpers/dashboard-queries.ts';

interface Rule {
  alert?: string;
  record?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

function rulesOf(tree: Map<string, string>): Rule[] {
  return [...tree]
    .filter(([path]) => path.startsWith('prometheus-rules/'))
    .flatMap(([, content]) => (parse(content) as { spec: { groups: { rules: Rule[] }[] } }).spec.groups.flatMap((group) => group.rules));
}

/** The threshold lines of the "% of memory limit" panel: its non-base threshold steps, drawn only when styled. */
function thresholdLines(dashboard: DashboardJson): number[] {
  const panel = allPanels(dashboard).find((candidate) => candidate.title === '% of memory limit');
  expect(panel, `${dashboard.uid} has a % of memory limit panel`).toBeDefined();
  const defaults = panel!.fieldConfig!.defaults;
  expect(defaults.unit).toBe('percentunit');
  const lines = defaults.thresholds!.steps.flatMap((step) => (step.value === null ? [] : [step.value]));
  expect(defaults.custom?.thresholdsStyle?.mode, dashboard.uid).toBe(lines.length > 0 ? 'dashed' : 'off');
  return lines;
}

describe('threshold line of team dashboards', () => {
  it('is the team file threshold in the repository example; none for a team with the alert off', async () => {
    const { tree } = await generate(CONFIGS['repository example']);
    const dashboards = dashboardsOf(tree);
    // teams/payments.yaml: 0.95; search and the default team: the config's 0.85; teams/batch.yaml: alert disabled.
    const expected = { payments: [0.95], search: [0.85], platform: [0.85], batch: [] };
    for (const [team, lines] of Object.entries(expected)) expect(thresholdLines(dashboards.get(teamDashboardUid(team))!), team).toEqual(lines);
  });

  it('of the default team shows the catch-all threshold and, where it differs, that of the namespaces it claims', async () => {
    const { tree } = await generate(CONFIGS['default team claims']);
    const dashboards = dashboardsOf(tree);
    expect(thresholdLines(dashboards.get(teamDashboardUid('platform'))!)).toEqual([0.8, 0.9]);
    expect(thresholdLines(dashboards.get(teamDashboardUid('web'))!)).toEqual([0.8]);
    const panel = allPanels(dashboards.get(teamDashboardUid('platform'))!).find((candidate) => candidate.title === '% of memory limit');
    expect(panel!.description).toContain('80% and 90%, for different namespaces');
  });

  it.each(Object.entries(CONFIGS))('equals the thresholds of the owners of the team, as the alert rules record them (%s)', async (_name, config) => {
    const { tree, model } = await generate(config);
    const dashboards = dashboardsOf(tree);
    const drawn = new Set<number>();
    for (const team of new Set(model.owners.map((owner) => owner.team))) {
      const expected = model.owners
        .filter((owner) => owner.team === team && owner.alerts.containerMemoryNearLimit.enabled)
        .map((owner) => owner.alerts.containerMemoryNearLimit.threshold);
      const lines = thresholdLines(dashboards.get(teamDashboardUid(team))!);
      expect(lines, team).toEqual([...new Set(expected)].sort((a, b) => a - b));
      lines.forEach((line) => drawn.add(line));
    }
    // Every threshold an alert rule records is drawn on some dashboard, and no other.
    const recorded = rulesOf(tree).filter((rule) => rule.record === NAMESPACE_THRESHOLD).map((rule) => Number(rule.labels!.threshold));
    expect([...drawn].sort()).toEqual([...new Set(recorded)].sort());
  });
});

describe('dashboard_url of every alert', () => {
  it.each(Object.entries(CONFIGS))('names a generated dashboard and only variables it has (%s)', async (_name, config) => {
    const { tree, model } = await generate(config);
    const dashboards = dashboardsOf(tree);
    const alerts = rulesOf(tree).filter((rule) => rule.alert);
    const linked = alerts.filter((rule) => rule.annotations?.dashboard_url);
    expect(linked.map((rule) => rule.alert)).toEqual(expect.arrayContaining(['ContainerMemoryNearLimit', 'ContainerOOMKilled', 'NodeMemoryPressure']));
    for (const rule of linked) {
      const url = rule.annotations!.dashboard_url!;
      const match = /^(.*)\/d\/([^?]+)\?(.*)$/.exec(url);
      expect(match, url).not.toBeNull();
      const [, base, uidTemplate, query] = match!;
      expect(base).toBe(model.links.grafanaUrl);
      // The team label of an alert is one of the owners' teams.
      const uids = uidTemplate!.includes('{{ $labels.team }}')
        ? [...new Set(model.owners.map((owner) => uidTemplate!.replace('{{ $labels.team }}', owner.team)))]
        : [uidTemplate!];
      const params = query!.split('&').map((pair) => pair.split('='));
      expect(params.length).toBeGreaterThan(0);
      for (const uid of uids) {
        expect(tree.has(`dashboards/${uid}.json`), `${rule.alert} links to ${uid}`).toBe(true);
        const variables = dashboards.get(uid)!.templating.list.map((variable) => variable.name);
        for (const [name, value] of params) {
          expect(name, url).toMatch(/^var-/);
          expect(variables, `${rule.alert} sets ${name} on ${uid}`).toContain(name!.slice('var-'.length));
          expect(value).toBe(`{{ $labels.${name!.slice('var-'.length)} }}`);
        }
      }
    }
  });

  it('and the dashboards link back: to the runbooks, to the overview, to each other by tag', async () => {
    const { tree, model } = await generate(CONFIGS['repository example']);
    for (const dashboard of dashboardsOf(tree).values()) {
      const urls = dashboard.links.map((link) => link.url ?? '');
      expect(urls, dashboard.uid).toContain(model.links.runbookUrlPattern.replace('%s', 'containeroomkilled'));
      expect(dashboard.links.find((link) => link.type === 'dashboards')?.tags, dashboard.uid).toEqual(['headroom']);
      if (dashboard.uid !== 'headroom-overview') expect(urls, dashboard.uid).toContain('/d/headroom-overview');
      // Shown in the dashboard's top bar, not hidden in the controls menu of recent Grafana versions.
      expect(dashboard.links.filter((link) => link.placement !== undefined)).toEqual([]);
    }
  });
});
