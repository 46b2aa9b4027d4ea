// With a cluster label, every dashboard has a `cluster` variable, every query filters by it and keeps it in every
// `by` and `on`, tables show it and legends name it; label ownership adds the `claim` column and the table of
// namespaces whose label names no team. Without them, nothing about clusters or claims appears.
import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.ts';
import { NAMESPACE_OWNER_UNKNOWN } from '../../src/rules/record-names.ts';
import { vectorSelectors } from '../helpers/promql-tree.ts';
import { CONFIGS } from './helpers/configs.ts';
import {
  allPanels,
  type DashboardJson,
  dashboardsOf,
  queriesOf,
  withSampleValues,
} from './helpers/dashboard-queries.ts';

/** The label lists of every `by (…)`, `without (…)` and `on (…)` of an expression; group_left/right lists excluded. */
function groupingLists(expr: string): string[][] {
  const lists: string[][] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.name !== 'GroupingLabels') return;
      const before = node.node.prevSibling?.name;
      // group_left/right list labels to copy; `without (…)` keeps every label it does not name, the cluster too.
      if (before === 'GroupLeft' || before === 'GroupRight' || before === 'Without') return;
      lists.push(
        expr
          .slice(node.from + 1, node.to - 1)
          .split(',')
          .map((label) => label.trim())
          .filter(Boolean),
      );
    },
  });
  return lists;
}

interface TablePanel {
  type: string;
  title: string;
  transformations?: { id: string; options: { indexByName?: Record<string, number> } }[];
  targets?: { legendFormat?: string; format?: string }[];
}

function tableColumnsOf(dashboard: DashboardJson): { title: string; columns: string[] }[] {
  return (allPanels(dashboard) as unknown as TablePanel[])
    .filter((panel) => panel.type === 'table')
    .map((panel) => {
      const organize = panel.transformations?.find((step) => step.id === 'organize');
      const order = organize?.options.indexByName ?? {};
      return { title: panel.title, columns: Object.keys(order).sort((a, b) => order[a]! - order[b]!) };
    });
}

describe('dashboards of several clusters', () => {
  it(
    'every dashboard has a multi-value cluster variable from the owner series, ' + 'right after the datasource',
    async () => {
      const { tree } = await generate(CONFIGS['two clusters']);
      for (const dashboard of dashboardsOf(tree).values()) {
        const variables = dashboard.templating.list as unknown as {
          name: string;
          query: string;
          multi: boolean;
          includeAll: boolean;
          allValue: string;
        }[];
        expect(variables[1], dashboard.uid).toMatchObject({
          name: 'cluster',
          query: 'label_values(headroom:namespace_owner:info, cluster)',
          multi: true,
          includeAll: true,
          allValue: '.*',
        });
      }
    },
  );

  it(
    'every query but the cluster list filters by the selected clusters ' + 'and keeps the cluster in every by and on',
    async () => {
      const { tree } = await generate(CONFIGS['two clusters']);
      const queries = [...dashboardsOf(tree).values()]
        .flatMap(queriesOf)
        .filter((query) => query.where !== 'variable cluster');
      expect(queries.length).toBeGreaterThan(30);
      let groupings = 0;
      for (const query of queries) {
        const where = `${query.dashboard} ${query.where}`;
        expect(
          vectorSelectors(query.expr).some((selector) => selector.matchers.includes('cluster=~"$cluster"')),
          `${where}: ${query.expr}`,
        ).toBe(true);
        for (const labels of groupingLists(withSampleValues(query.expr))) {
          expect(labels, `${where}: ${query.expr}`).toContain('cluster');
          groupings++;
        }
      }
      expect(groupings).toBeGreaterThan(30);
    },
  );

  it('tables show the cluster first and the claim beside the team; legends name the cluster', async () => {
    const { tree } = await generate(CONFIGS['two clusters']);
    for (const dashboard of dashboardsOf(tree).values()) {
      for (const table of tableColumnsOf(dashboard).filter((candidate) => candidate.columns.includes('namespace'))) {
        expect(table.columns[0], `${dashboard.uid} ${table.title}`).toBe('cluster');
        if (table.columns.includes('team')) expect(table.columns, `${dashboard.uid} ${table.title}`).toContain('claim');
      }
      const legends = (allPanels(dashboard) as unknown as TablePanel[])
        .flatMap((panel) => panel.targets ?? [])
        .flatMap((target) => (target.legendFormat ? [target.legendFormat] : []));
      expect(legends.length).toBeGreaterThan(0);
      for (const legend of legends) expect(legend, dashboard.uid).toContain('{{cluster}}/');
    }
  });

  it('the overview lists the namespaces whose owner label names no team', async () => {
    const overview = dashboardsOf((await generate(CONFIGS['two clusters'])).tree).get('headroom-overview')!;
    const panel = allPanels(overview).find(
      (candidate) => candidate.title === 'Namespaces whose owner label names no team',
    )!;
    expect(panel.targets!.map((target) => target.expr)).toEqual([
      `${NAMESPACE_OWNER_UNKNOWN}{cluster=~"$cluster", namespace=~"$namespace"}`,
    ]);
    expect(tableColumnsOf(overview).find((table) => table.title === panel.title)!.columns).toEqual([
      'cluster',
      'namespace',
      'owner_label',
    ]);
  });
});

describe.each(Object.entries(CONFIGS).filter(([name]) => name !== 'two clusters'))(
  'dashboards of one cluster (%s)',
  (_name, config) => {
    it(
      'have no cluster variable, query, column or link parameter, ' + 'no claim column, no unknown-owner table',
      async () => {
        const { tree } = await generate(config);
        for (const dashboard of dashboardsOf(tree).values()) {
          expect(dashboard.templating.list.map((variable) => variable.name)).not.toContain('cluster');
          for (const query of queriesOf(dashboard)) {
            // (A configured selector may name a cluster, as cadvisor-limits' does; no query selects or groups by one.)
            expect(query.expr, `${dashboard.uid} ${query.where}`).not.toMatch(/\$cluster|claim/);
            expect(groupingLists(withSampleValues(query.expr)).flat(), `${dashboard.uid} ${query.where}`).not.toContain(
              'cluster',
            );
          }
          for (const table of tableColumnsOf(dashboard))
            expect(table.columns.filter((column) => column === 'cluster' || column === 'claim')).toEqual([]);
          expect(JSON.stringify(dashboard.links)).not.toContain('cluster');
          expect(JSON.stringify(dashboard)).not.toContain(NAMESPACE_OWNER_UNKNOWN);
        }
      },
    );
  },
);
