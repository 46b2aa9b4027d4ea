// Dashboard changes read generically from JSON files and from dashboards embedded in Kubernetes objects.
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compareDashboards } from '../../src/diff/compare-dashboards.ts';
import { treeDocuments } from '../../src/diff/tree-documents.ts';

interface Panel {
  id: number;
  title: string;
  expr?: string;
  steps?: (number | null)[];
  panels?: Panel[];
}

function dashboard(uid: string, panels: Panel[], title = `Dashboard ${uid}`) {
  const panel = (p: Panel): unknown => ({
    id: p.id,
    title: p.title,
    type: p.panels ? 'row' : 'timeseries',
    ...(p.expr ? { targets: [{ refId: 'A', expr: p.expr }] } : {}),
    ...(p.steps
      ? {
          fieldConfig: {
            defaults: {
              thresholds: {
                mode: 'absolute',
                steps: p.steps.map((value, i) => ({ color: i ? 'red' : 'green', value })),
              },
            },
            overrides: [],
          },
        }
      : {}),
    ...(p.panels ? { panels: p.panels.map(panel) } : {}),
  });
  return { uid, title, panels: panels.map(panel) };
}

const json = (value: unknown) => JSON.stringify(value, null, 2);
const documents = (files: Record<string, string>) => treeDocuments(new Map(Object.entries(files)));

const base: Panel[] = [
  { id: 1, title: 'Memory vs limit', expr: 'ratio', steps: [null, 0.85] },
  { id: 2, title: 'OOM kills', expr: 'kills' },
  { id: 10, title: 'Details', panels: [{ id: 11, title: 'Working set', expr: 'ws' }] },
];

describe('dashboard changes', () => {
  it('panels added and removed (rows flattened), a threshold changed, a query changed', () => {
    const after: Panel[] = [
      { id: 1, title: 'Memory vs limit', expr: 'ratio', steps: [null, 0.95] },
      { id: 2, title: 'OOM kills', expr: 'kills_v2' },
      { id: 10, title: 'Details', panels: [{ id: 12, title: 'Requests', expr: 'req' }] },
    ];
    const changes = compareDashboards(
      documents({ 'dashboards/team.json': json(dashboard('team', base)) }),
      documents({ 'dashboards/team.json': json(dashboard('team', after)) }),
    );
    expect(changes).toEqual([
      {
        uid: 'team',
        title: 'Dashboard team',
        status: 'changed',
        panels: { added: ['Requests'], removed: ['Working set'] },
        changedPanels: [
          { panel: 'Memory vs limit', changes: [{ name: 'thresholds', old: [0.85], new: [0.95] }] },
          { panel: 'OOM kills', changes: [{ name: 'queries', old: ['kills'], new: ['kills_v2'] }] },
        ],
        changes: [],
      },
    ]);
  });

  it(
    'a dashboard in a JSON file and in a ConfigMap is one dashboard; ' + 'one only in a GrafanaDashboard is found too',
    () => {
      const configMap = (d: unknown) =>
        stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { 'team.json': json(d) } });
      const grafanaDashboard = (d: unknown) =>
        stringify({
          apiVersion: 'grafana.integreatly.org/v1beta1',
          kind: 'GrafanaDashboard',
          metadata: { name: 'y' },
          spec: { json: json(d) },
        });
      const changes = compareDashboards(
        documents({
          'dashboards/team.json': json(dashboard('team', base)),
          'cm/team.yaml': configMap(dashboard('team', base)),
        }),
        documents({
          'dashboards/team.json': json(dashboard('team', base, 'Renamed')),
          'cm/team.yaml': configMap(dashboard('team', base, 'Renamed')),
          'operator/extra.yaml': grafanaDashboard(dashboard('extra', base.slice(0, 2))),
        }),
      );
      expect(changes.map((c) => [c.uid, c.status, c.changes, c.panels])).toEqual([
        ['extra', 'added', [], { added: ['Memory vs limit', 'OOM kills'], removed: [] }],
        ['team', 'changed', [{ name: 'title', old: 'Dashboard team', new: 'Renamed' }], { added: [], removed: [] }],
      ]);
    },
  );

  it('a removed dashboard, and nothing for an identical one', () => {
    const same = json(dashboard('same', base));
    const changes = compareDashboards(
      documents({ 'a.json': same, 'b.json': json(dashboard('gone', base)) }),
      documents({ 'a.json': same }),
    );
    expect(changes.map((c) => `${c.uid} ${c.status}`)).toEqual(['gone removed']);
  });

  it('JSON that is not a dashboard is ignored', () => {
    expect(
      compareDashboards(
        documents({ 'rules.json': json({ groups: [] }) }),
        documents({ 'rules.json': json({ groups: [1] }) }),
      ),
    ).toEqual([]);
  });
});
