// What one alert of the catalogue is (see catalogue.ts): everything headroom knows about it in one place, read by the
// config schema, the rule groups, the dashboards' firing-alerts table, the diff, the docs and the tests.
import type { z } from 'zod';
import type { Model } from '../model/model.ts';
import type { InputSeries } from '../rules/input-series.ts';
import type { OwnedBy } from '../rules/owned-by.ts';
import type { SettingValue } from '../rules/rule-settings.ts';
import type { RecordingRule, Rule } from '../rules/rule-types.ts';

/** The rule group an alert's rules run in (headroom-<group>). */
export type AlertGroup = 'container-memory' | 'node-memory' | 'meta';

/** A part of a dashboard that shows what an alert is about: the row's title. */
export interface PanelReference {
  dashboard: 'team' | 'overview';
  row: string;
}

/** What every alert declares, headroom's own meta-alerts (no settings) included. */
export interface AlertFacts {
  /** The name it fires with: the `alertname` label and, lowercased, its runbook page. */
  name: string;
  /** One sentence: what it catches. The alert list of the README and the schema's description. */
  summary: string;
  group: AlertGroup;
  /** The exporter series its rules read (ownership's inputs aside). */
  inputs: readonly InputSeries[];
  /** Dashboard rows that show what it alerts on. */
  panels: readonly PanelReference[];
  /** Shared recordings its rules read (see SharedRecordings). */
  needs?: readonly SharedRecordings[];
  /**
   * Its recording rules and alert rules, in evaluation order. `alerts`: the tunable alerts of the catalogue, for a
   * meta-alert that watches them (the catalogue imports every alert module, so none imports it).
   */
  rules(model: Model, alerts: readonly AlertDefinition[]): Rule[];
}

/** Recordings that several alerts read, emitted once before the first alert that needs them (dedupe by identity). */
export type SharedRecordings = (model: Model) => RecordingRule[];

/** A setting that is valid but quietly turns the alert off or drowns it: a warning, not an error. */
export interface SettingWarning {
  setting: string;
  message: string;
}

/** An alert a team can tune: its settings, their defaults, and how they shape its rules. */
export interface AlertDefinition<
  Key extends string = string,
  Settings extends z.ZodObject = z.ZodObject,
  RuleSettings extends Record<string, SettingValue> = Record<string, SettingValue>,
> extends AlertFacts {
  /** Its key under `alerts:` in the config and team files. */
  key: Key;
  /** What it is about: a namespace's containers and pods, or a node. Decides which owner series it joins. */
  subject: OwnedBy;
  /** Every setting (`enabled` among them) with its description; strict: an unknown key is an error. */
  settings: Settings;
  defaults: z.output<Settings>;
  /**
   * The settings its alert rules depend on (`for`, severity, windows), for an owner that has it on: owners with equal
   * values share one rule (see src/rules/partition.ts).
   */
  ruleSettings(settings: z.output<Settings>): RuleSettings;
  /**
   * Numbers its expressions compare with (thresholds, margins): one constant series per owner, joined through each
   * namespace's owner (headroom:team_setting:value), so one rule serves every value. undefined: not used by this owner.
   */
  valueSettings?: Record<string, (settings: z.output<Settings>) => number | undefined>;
  /**
   * Its settings that are ranges the rules read over (a window, a lookback): each must hold two samples, which
   * validate warns about below 1m and doctor checks against the measured scrape interval.
   */
  ranges?: readonly (keyof z.output<Settings> & string)[];
  /** Settings that are valid but quietly useless, for generate and validate to print as warnings. */
  warnings?(settings: Partial<z.output<Settings>>): SettingWarning[];
}

/** An alert definition, its types inferred (the settings its rules get included). */
export function defineAlert<
  Key extends string,
  Settings extends z.ZodObject,
  RuleSettings extends Record<string, SettingValue>,
>(definition: AlertDefinition<Key, Settings, RuleSettings>): AlertDefinition<Key, Settings, RuleSettings> {
  return definition;
}

/** `ContainerMemoryNearLimit` → docs/alerts/containermemorynearlimit.md: its page, runbook included. */
export function runbookPath(alert: Pick<AlertFacts, 'name'>): string {
  return `docs/alerts/${alert.name.toLowerCase()}.md`;
}

/** The id of a value setting in headroom:team_setting:value's `setting` label: `containerMemoryNearLimit.threshold`. */
export function valueSettingId(alert: Pick<AlertDefinition, 'key'>, setting: string): string {
  return `${alert.key}.${setting}`;
}
