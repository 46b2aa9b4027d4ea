// The settings of each alert per owner, in two kinds (each alert declares its own, see src/alerts/alert-definition.ts):
// - rule settings shape the alert rules (`for`, severity, windows): one alert rule per distinct value, selecting its
//   owners by the value their owner series carries (see partition.ts);
// - value settings are numbers an expression compares with (thresholds, margins): one constant series per owner
//   (headroom:team_setting:value), joined through each namespace's owner, so a rule serves every value at once.
// Either way an alert and the owner whose settings it applies are read from the same owner series.
import type { Model, Owner } from '../model/model.ts';
import type { OwnedBy } from './owned-by.ts';

export type SettingValue = string | number | boolean;

/** What partitioning needs of an alert (an AlertDefinition is one): its key, subject and rule settings. */
export interface PartitionedAlert<RuleSettings extends Record<string, SettingValue> = Record<string, SettingValue>> {
  key: string;
  subject: OwnedBy;
  // `never`: every definition's own settings type is accepted; settingsOf passes the owner's.
  ruleSettings(settings: never): RuleSettings;
}

/** The owner's rule settings of `alert`; undefined when the owner has it off. */
export function ruleSettingsOf<RuleSettings extends Record<string, SettingValue>>(
  alert: PartitionedAlert<RuleSettings>,
  owner: Owner,
): RuleSettings | undefined {
  const settings = alertSettingsOf(owner, alert.key);
  return settings.enabled ? alert.ruleSettings(settings as never) : undefined;
}

/** The owner's settings of the alert with this key (defaults with its overrides). */
export function alertSettingsOf(owner: Owner, key: string): { enabled: boolean } {
  return (owner.alerts as unknown as Record<string, { enabled: boolean }>)[key]!;
}

/** `for=10m,severity=warning,threshold=0.95`: the settings in words, keys sorted, as a label value. */
export function settingsText(settings: Record<string, SettingValue>): string {
  return Object.keys(settings)
    .sort()
    .map((key) => `${key}=${settings[key]}`)
    .join(',');
}

/** Whether any owner has the alert on: recordings that serve it alone are not emitted (nor paid for) otherwise. */
export function anyOwnerHasOn(model: Model, alert: Pick<PartitionedAlert, 'key'>): boolean {
  return model.owners.some((owner) => alertSettingsOf(owner, alert.key).enabled);
}
