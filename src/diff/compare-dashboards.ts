// Dashboard changes, read generically from whatever the tree holds: dashboard JSON files, and dashboards inside
// ConfigMaps (data values) or grafana-operator GrafanaDashboards (spec.json). The same dashboard (one uid) in
// several encodings is compared once. Panels are known by id (else title); rows are flattened.
import type { DashboardChange, PanelChange, ValueChange } from './report.ts';
import { parseJson, type TreeDocument } from './tree-documents.ts';
import { isRecord, sameValue, setChanges, valueChanges } from './value-changes.ts';

type Json = Record<string, unknown>;

export function compareDashboards(old: TreeDocument[], current: TreeDocument[]): DashboardChange[] {
  const before = dashboardsByUid(old);
  const after = dashboardsByUid(current);
  const uids = [...new Set([...before.keys(), ...after.keys()])].sort();
  return uids.flatMap((uid): DashboardChange[] => {
    const was = before.get(uid);
    const is = after.get(uid);
    const title = String((is ?? was)?.title ?? uid);
    if (!was || !is) {
      const panels = panelNames(panelsOf((is ?? was)!));
      return [
        {
          uid,
          title,
          status: was ? 'removed' : 'added',
          panels: { added: was ? [] : panels, removed: was ? panels : [] },
          changedPanels: [],
          changes: [],
        },
      ];
    }
    if (sameValue(was, is)) return [];
    const oldPanels = panelsById(was);
    const newPanels = panelsById(is);
    const panels = setChanges([...oldPanels.keys()], [...newPanels.keys()]);
    const changedPanels = [...newPanels.entries()].flatMap(([key, panel]): PanelChange[] => {
      const previous = oldPanels.get(key);
      const changes = previous ? panelDifferences(previous, panel) : [];
      return changes.length > 0 ? [{ panel: panelName(panel), changes }] : [];
    });
    return [
      {
        uid,
        title,
        status: 'changed',
        panels: {
          added: panels.added.map((key) => panelName(newPanels.get(key)!)),
          removed: panels.removed.map((key) => panelName(oldPanels.get(key)!)),
        },
        changedPanels,
        changes: dashboardDifferences(was, is),
      },
    ];
  });
}

function panelDifferences(old: Json, current: Json): ValueChange[] {
  const changes: ValueChange[] = [];
  if (old.title !== current.title) changes.push({ name: 'title', old: old.title, new: current.title });
  if (old.description !== current.description)
    changes.push({ name: 'description', old: old.description, new: current.description });
  const thresholds = { old: thresholdValues(old), new: thresholdValues(current) };
  if (!sameValue(thresholds.old, thresholds.new)) changes.push({ name: 'thresholds', ...thresholds });
  if (!sameValue(old.targets, current.targets))
    changes.push({ name: 'queries', old: queries(old), new: queries(current) });
  // Children of a row are compared one by one, not as part of the row.
  const rest = (panel: Json) => ({
    ...panel,
    title: undefined,
    description: undefined,
    targets: undefined,
    panels: undefined,
    fieldConfig: withoutThresholds(panel.fieldConfig),
  });
  if (!sameValue(rest(old), rest(current))) changes.push({ name: 'other', old: undefined, new: undefined });
  return changes;
}

/** Title, variables and links; panels are reported separately. */
function dashboardDifferences(old: Json, current: Json): ValueChange[] {
  const top = (dashboard: Json) => ({
    title: dashboard.title,
    tags: dashboard.tags,
    links: dashboard.links,
    refresh: dashboard.refresh,
    time: dashboard.time,
  });
  const changes = valueChanges(top(old), top(current));
  const variables = (dashboard: Json) =>
    isRecord(dashboard.templating) && Array.isArray(dashboard.templating.list) ? dashboard.templating.list : [];
  if (!sameValue(variables(old), variables(current)))
    changes.push({ name: 'variables', old: undefined, new: undefined });
  return changes;
}

/** Every threshold step value of a panel (defaults and overrides), in order; `null` is the base step. */
function thresholdValues(panel: Json): unknown[] {
  const values: unknown[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (isRecord(value)) {
      if (isRecord(value.thresholds) && Array.isArray(value.thresholds.steps)) {
        values.push(...value.thresholds.steps.filter(isRecord).map((step) => step.value ?? null));
      }
      if (value.id === 'thresholds' && isRecord(value.value) && Array.isArray(value.value.steps)) {
        values.push(...value.value.steps.filter(isRecord).map((step) => step.value ?? null));
      }
      for (const [key, inner] of Object.entries(value)) if (key !== 'thresholds') walk(inner);
    }
  };
  walk(panel.fieldConfig);
  return values.filter((value) => value !== null);
}

function withoutThresholds(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value ?? null, (key, inner: unknown) => (key === 'thresholds' ? undefined : inner)),
  ) as unknown;
}

function queries(panel: Json): string[] {
  return Array.isArray(panel.targets)
    ? panel.targets.filter(isRecord).map((target) => String(target.expr ?? target.query ?? ''))
    : [];
}

function panelsOf(dashboard: Json): Json[] {
  const flat: Json[] = [];
  const walk = (panels: unknown) => {
    if (!Array.isArray(panels)) return;
    for (const panel of panels.filter(isRecord)) {
      flat.push(panel);
      walk(panel.panels);
    }
  };
  walk(dashboard.panels);
  return flat;
}

function panelsById(dashboard: Json): Map<string, Json> {
  const byKey = new Map<string, Json>();
  for (const panel of panelsOf(dashboard)) {
    const base = panel.id !== undefined ? `id ${String(panel.id)}` : `title ${String(panel.title ?? '')}`;
    let key = base;
    for (let n = 2; byKey.has(key); n++) key = `${base} #${n}`;
    byKey.set(key, panel);
  }
  return byKey;
}

function panelNames(panels: Json[]): string[] {
  return panels.map(panelName);
}

function panelName(panel: Json): string {
  return typeof panel.title === 'string' && panel.title !== '' ? panel.title : `panel ${String(panel.id ?? '?')}`;
}

/** Dashboards by uid; JSON files first, so their copy wins over one embedded in a Kubernetes object. */
function dashboardsByUid(documents: TreeDocument[]): Map<string, Json> {
  const ordered = [...documents].sort((a, b) => Number(!a.path.endsWith('.json')) - Number(!b.path.endsWith('.json')));
  const found = new Map<string, Json>();
  for (const document of ordered) {
    for (const dashboard of dashboardsIn(document)) {
      const uid = typeof dashboard.uid === 'string' ? dashboard.uid : `${document.path}`;
      if (!found.has(uid)) found.set(uid, dashboard);
    }
  }
  return found;
}

function dashboardsIn({ value }: TreeDocument): Json[] {
  if (!isRecord(value)) return [];
  if (isDashboard(value)) return [value];
  if (isRecord(value.dashboard) && isDashboard(value.dashboard)) return [value.dashboard];
  const embedded: unknown[] = [];
  if (value.kind === 'ConfigMap' && isRecord(value.data)) embedded.push(...Object.values(value.data));
  if (value.kind === 'GrafanaDashboard' && isRecord(value.spec)) embedded.push(value.spec.json, value.spec.dashboard);
  return embedded
    .map((inner) => (typeof inner === 'string' ? parseJson(inner) : inner))
    .filter((inner): inner is Json => isRecord(inner) && isDashboard(inner));
}

function isDashboard(value: Json): boolean {
  return Array.isArray(value.panels) && (typeof value.uid === 'string' || typeof value.title === 'string');
}
