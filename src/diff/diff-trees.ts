// `headroom diff` as one function: two generated trees in, the report of what changed out.
import type { GeneratedData, GeneratedTree } from '../output/generated-tree.ts';
import { compareDashboards } from './compare-dashboards.ts';
import { compareObjects } from './compare-objects.ts';
import { compareRuleOutputs } from './compare-rule-outputs.ts';
import { compareRules, ruleIds } from './compare-rules.ts';
import { compareSettings, introduceSettings } from './compare-settings.ts';
import { fileChanges } from './file-changes.ts';
import { renameWarnings, severityMoveWarnings } from './move-warnings.ts';
import { readManifest } from './read-manifest.ts';
import { rulesMoved } from './rules-moved.ts';
import { driftWarnings } from './generated-drift.ts';
import type { DiffReport, GeneratedDrift } from './report.ts';
import { treeDocuments } from './tree-documents.ts';
import { isRecord } from './value-changes.ts';
import { introductionWarnings, reviewWarnings } from './warnings.ts';

export interface NamedTree {
  /** How the tree is named in notes, e.g. "the base (main)" or a folder. */
  name: string;
  tree: GeneratedTree;
  /** What its YAML files were written from, when it was generated in this process: read instead of their text. */
  data?: GeneratedData;
  /** Why the tree is empty, when it is on purpose (a ref from before the config existed). */
  absent?: string;
  /** What a reviewer should know about how the tree was read (files left out, a link read as it is now). */
  notes?: string[];
  /** The generated folder committed beside the config `tree` was generated from, to be compared with it. */
  committed?: CommittedFolder;
}

export interface CommittedFolder {
  /** "generated/ at main", "generated/ in the work tree". */
  where: string;
  tree: GeneratedTree;
  notes: string[];
}

export function diffTrees(old: NamedTree, current: NamedTree): DiffReport {
  const files = fileChanges(old.tree, current.tree);
  const oldDocuments = treeDocuments(old.tree, old.data);
  const newDocuments = treeDocuments(current.tree, current.data);
  const oldManifest = readManifest(old.tree, old.data);
  const newManifest = readManifest(current.tree, current.data);
  const manifestProblems = [
    ...('problem' in oldManifest && !old.absent ? [`${old.name} ${oldManifest.problem}`] : []),
    ...('problem' in newManifest && !current.absent ? [`${current.name} ${newManifest.problem}`] : []),
  ];
  const notes = [
    ...[old.absent, current.absent].filter((note): note is string => note !== undefined),
    ...(old.notes ?? []),
    ...(current.notes ?? []),
    ...manifestProblems,
    ...(manifestProblems.length > 0
      ? ['Team, ownership and alert settings are not compared; rules, dashboards and files are.']
      : []),
  ];
  const oldSettings = 'manifest' in oldManifest ? oldManifest.manifest : undefined;
  const newSettings = 'manifest' in newManifest ? newManifest.manifest : undefined;
  // The change that introduces headroom: nothing to compare with, so the settings are shown as they will be.
  const introduced = old.absent !== undefined && oldSettings === undefined && newSettings !== undefined;
  const settings =
    oldSettings && newSettings
      ? compareSettings(oldSettings, newSettings)
      : introduced
        ? introduceSettings(newSettings!)
        : undefined;
  const moves = settings?.moves ?? [];
  const renames = moves.filter((move) => move.kind === 'team-renamed');
  const warnings = [
    ...(introduced ? introductionWarnings(newSettings!) : []),
    ...reviewWarnings({
      old: oldSettings,
      current: newSettings,
      oldAlerts: alertNames(oldDocuments),
      newAlerts: alertNames(newDocuments),
      renames,
    }),
    ...(oldSettings && newSettings
      ? renames.flatMap((rename) => renameWarnings(rename, oldSettings, newSettings, ruleIds(oldDocuments)))
      : []),
    ...moves.flatMap((move) => (move.kind === 'team-renamed' ? [] : severityMoveWarnings(move))),
  ];
  const drift = [driftOf(old, 'base'), driftOf(current, 'work tree')].filter(
    (found): found is GeneratedDrift => found !== undefined,
  );
  return {
    changed: files.length > 0 || drift.length > 0,
    warnings: [...drift.flatMap(driftWarnings), ...warnings],
    notes,
    settings,
    rules: compareRules(oldDocuments, newDocuments),
    ruleOutputs: compareRuleOutputs(old.tree, current.tree),
    dashboards: compareDashboards(oldDocuments, newDocuments),
    objects: compareObjects(oldDocuments, newDocuments),
    rulesMoved: rulesMoved(oldDocuments, newDocuments, new Set(files.map((file) => file.path))),
    files,
    drift,
  };
}

/**
 * The side's committed folder → what this headroom generates from its config, when they differ (generated-drift.ts).
 */
function driftOf(side: NamedTree, which: GeneratedDrift['side']): GeneratedDrift | undefined {
  if (side.committed === undefined) return undefined;
  const { where, tree, notes } = side.committed;
  // The usual case, the folder as headroom generates it: nothing differs, and comparing costs seconds on a fleet.
  if (sameFiles(tree, side.tree)) return undefined;
  const report = diffTrees(
    { name: where, tree, notes },
    { name: "this headroom's output", tree: side.tree, ...(side.data ? { data: side.data } : {}) },
  );
  return report.changed
    ? { side: which, where, of: which === 'base' ? side.name : 'the work tree', report }
    : undefined;
}

function sameFiles(a: GeneratedTree, b: GeneratedTree): boolean {
  return a.size === b.size && [...a].every(([path, content]) => b.get(path) === content);
}

function alertNames(documents: ReturnType<typeof treeDocuments>): string[] {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isRecord(value)) {
      if (typeof value.alert === 'string' && typeof value.expr === 'string') names.add(value.alert);
      Object.values(value).forEach(visit);
    }
  };
  for (const document of documents) visit(document.value);
  return [...names];
}
