// What makes a dashboard stable and usable, for every config: short URL-safe uids, explicit unique panel ids and
// refIds, every panel on the datasource variable, legends shown, memory in IEC bytes and fractions as percentunit.
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.ts';
import { CONFIGS } from './helpers/configs.ts';
import { allPanels, dashboardsOf } from './helpers/dashboard-queries.ts';

interface PanelDetails {
  id: number;
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  targets?: { refId: string; datasource?: { uid: string } }[];
  options?: { legend?: { showLegend: boolean } };
  fieldConfig?: { defaults: { unit?: string } };
}

describe.each(Object.entries(CONFIGS))('dashboards of %s', (_name, config) => {
  it(
    'have short URL-safe uids, titles under "Kubernetes memory /", ' + 'the datasource variable of type prometheus',
    async () => {
      const { tree, model } = await generate(config);
      const dashboards = [...dashboardsOf(tree).values()];
      // The overview and the shared team dashboard, whatever the number of teams, plus the copies the config asks for.
      expect(dashboards.length).toBe(2 + new Set(model.output.dashboards.perTeam).size);
      for (const dashboard of dashboards) {
        expect(dashboard.uid).toMatch(/^[a-z0-9-]{1,40}$/);
        expect(dashboard.title).toMatch(/^Kubernetes memory \/ (Overview|Team|Team [a-z0-9-]+)$/);
        expect(dashboard.templating.list[0]).toMatchObject({
          name: 'datasource',
          type: 'datasource',
          query: 'prometheus',
        });
      }
    },
  );

  it(
    'set unique panel ids and refIds, read the datasource variable, ' + 'show legends, use bytes and percentunit',
    async () => {
      const { tree } = await generate(config);
      for (const dashboard of dashboardsOf(tree).values()) {
        const panels = allPanels(dashboard) as unknown as PanelDetails[];
        const ids = panels.map((panel) => panel.id);
        expect(
          ids.every((id) => Number.isInteger(id) && id > 0),
          dashboard.uid,
        ).toBe(true);
        expect(new Set(ids).size, dashboard.uid).toBe(ids.length);
        const units = new Set<string>();
        for (const panel of panels.filter((candidate) => candidate.type !== 'row')) {
          const where = `${dashboard.uid} panel ${panel.id}`;
          expect(panel.datasource, where).toEqual({ type: 'prometheus', uid: '${datasource}' });
          const refIds = (panel.targets ?? []).map((target) => target.refId);
          expect(refIds.length, where).toBeGreaterThan(0);
          expect(refIds.every((refId) => /^[A-Z]$/.test(refId)) && new Set(refIds).size === refIds.length, where).toBe(
            true,
          );
          expect(
            (panel.targets ?? []).every((target) => target.datasource?.uid === '${datasource}'),
            where,
          ).toBe(true);
          if (panel.type === 'timeseries') expect(panel.options?.legend?.showLegend, where).toBe(true);
          if (panel.fieldConfig?.defaults.unit) units.add(panel.fieldConfig.defaults.unit);
        }
        expect(units, dashboard.uid).toContain('bytes');
      }
      const team = dashboardsOf(tree).get('headroom-team')!;
      expect(allPanels(team).find((panel) => panel.title === '% of memory limit')?.fieldConfig?.defaults.unit).toBe(
        'percentunit',
      );
    },
  );
});
