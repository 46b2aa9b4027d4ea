// One rule per distinct setting, not per team: owners whose alert has the same settings share a rule. When owners
// differ in an alert's settings (or some have it off), every owner series carries the owner's settings of that alert as
// a label, `headroom_<alert>` (see owner-rules.ts), and each of the alert's rules selects its owners by it: no rule
// lists team names, so a rule does not grow with the teams, and an alert's team and the settings it was judged by
// come from one owner series (ownership.ts).
import { SETTINGS_LABEL_PREFIX } from '../values/reserved-labels.ts';
import type { Model, Owner } from '../model/model.ts';
import { eq, type Expr, re } from '../promql/index.ts';
import { byCodePoint } from '../values/ordering.ts';
import { mayOwn } from './owned-by.ts';
import { type Selection, withOwnerLabels } from './ownership.ts';
import { type PartitionedAlert, ruleSettingsOf, type SettingValue, settingsText } from './rule-settings.ts';

type Settings = Record<string, SettingValue>;

interface Partition<S extends Settings> {
  settings: S;
  /** The settings in words: the value of the alert's settings label on these owners' series. */
  text: string;
  owners: Owner[];
}

/** The owners that can own what `alert` is about, grouped by its settings (owners with it off left out), by text. */
export function partitions<S extends Settings>(model: Model, alert: PartitionedAlert<S>): Partition<S>[] {
  const byText = new Map<string, Partition<S>>();
  for (const owner of model.owners) {
    if (!mayOwn(model, owner, alert.subject)) continue;
    const settings = ruleSettingsOf(alert, owner);
    if (settings === undefined) continue;
    const text = settingsText(settings);
    const partition = byText.get(text) ?? { settings, text, owners: [] };
    partition.owners.push(owner);
    byText.set(text, partition);
  }
  return [...byText.values()].sort((a, b) => byCodePoint(a.text, b.text));
}

/**
 * `containerMemoryNearLimit` → `headroom_container_memory_near_limit`, `containerOOMKilled` →
 * `headroom_container_oom_killed`.
 */
function settingsLabelName(alert: PartitionedAlert): string {
  const words = alert.key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2');
  return `${SETTINGS_LABEL_PREFIX}${words.toLowerCase()}`;
}

/**
 * The settings label of `alert` when its rules must select owners: the owners that can own what it is about differ in
 * its settings or have it off. undefined when one rule serves them all.
 */
export function settingsLabel(model: Model, alert: PartitionedAlert): string | undefined {
  let labels = settingsLabels.get(model);
  if (labels === undefined) {
    labels = new Map();
    settingsLabels.set(model, labels);
  }
  if (!labels.has(alert.key)) labels.set(alert.key, findSettingsLabel(model, alert));
  return labels.get(alert.key);
}

/** Per model and alert, once: every owner is read, and the answer is asked per owner and per rule. */
const settingsLabels = new WeakMap<Model, Map<string, string | undefined>>();

function findSettingsLabel(model: Model, alert: PartitionedAlert): string | undefined {
  const eligible = model.owners.filter((owner) => mayOwn(model, owner, alert.subject));
  const states = new Set(
    eligible.map((owner) => {
      const settings = ruleSettingsOf(alert, owner);
      return settings === undefined ? undefined : settingsText(settings);
    }),
  );
  return states.size > 1 ? settingsLabelName(alert) : undefined;
}

/**
 * The settings labels an owner series carries: one per alert (of `alerts`) whose rules select owners, where the owner
 * has it on.
 */
export function ownerSettingsLabels(
  model: Model,
  owner: Owner,
  alerts: readonly PartitionedAlert[],
): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const alert of alerts) {
    const label = settingsLabel(model, alert);
    const settings = ruleSettingsOf(alert, owner);
    if (label !== undefined && settings !== undefined && mayOwn(model, owner, alert.subject))
      labels[label] = settingsText(settings);
  }
  return labels;
}

/** The selection of the owners of some partitions of `alert`; undefined: every owner (one rule serves them all). */
function selectionOf<S extends Settings>(
  model: Model,
  alert: PartitionedAlert<S>,
  chosen: readonly Partition<S>[],
): Selection | undefined {
  const label = settingsLabel(model, alert);
  if (label === undefined) return undefined;
  const texts = chosen.map((partition) => partition.text);
  return {
    label,
    matcher: texts.length === 1 ? eq(label, texts[0]!) : re(label, texts.map(escapeRegex).join('|')),
  };
}

/**
 * One rule per partition of `alert`'s owners by its settings, built from the partition's settings and `own`, which
 * restricts an expression to what the partition's owners own and joins their team labels (see ownership.ts).
 */
export function rulesPerSetting<S extends Settings, R>(
  model: Model,
  alert: PartitionedAlert<S>,
  build: (settings: S, own: (expr: Expr) => Expr) => R,
): R[] {
  return partitions(model, alert).map((partition) =>
    build(partition.settings, (expr) =>
      withOwnerLabels(model, alert.subject, expr, selectionOf(model, alert, [partition])),
    ),
  );
}

/**
 * The distinct values of a setting that must sit inside an expression (a range window, a duration), over the owners
 * `pick` gives them for (none: undefined or []), sorted: one recording rule per value.
 */
export function distinctValues(model: Model, pick: (owner: Owner) => string | readonly string[] | undefined): string[] {
  return [...new Set(model.owners.flatMap((owner) => pick(owner) ?? []))].sort();
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
