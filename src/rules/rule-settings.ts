// The settings of each alert per owner, in two kinds:
// - RULE_SETTINGS shape the alert rules (`for`, severity, windows): one alert rule per distinct value, selecting its
//   owners by the value their owner series carries (see partition.ts);
// - VALUE_SETTINGS are numbers an expression compares with (thresholds, margins): one constant series per owner
//   (headroom:team_setting:value), joined through each namespace's owner, so a rule serves every value at once.
// Either way an alert and the owner whose settings it applies are read from the same owner series.
import { type AlertName, NODE_ALERTS } from '../config/schema.ts';
import type { Owner } from '../model/model.ts';
import type { OwnedBy } from './owned-by.ts';

export type SettingValue = string | number | boolean;

function nearLimit({ alerts: { containerMemoryNearLimit: a } }: Owner) {
  return a.enabled ? { for: a.for, severity: a.severity } : undefined;
}

function oomKilled({ alerts: { containerOOMKilled: a } }: Owner) {
  return a.enabled ? { window: a.window, severity: a.severity } : undefined;
}

function processOOMKilled({ alerts: { containerProcessOOMKilled: a } }: Owner) {
  return a.enabled ? { window: a.window, severity: a.severity } : undefined;
}

function memoryLeak({ alerts: { containerMemoryLeak: a } }: Owner) {
  return a.enabled ? { lookback: a.lookback, horizon: a.horizon, for: a.for, severity: a.severity } : undefined;
}

function podNearLimit({ alerts: { podMemoryNearLimit: a } }: Owner) {
  return a.enabled ? { threshold: a.threshold, for: a.for, severity: a.severity } : undefined;
}

function forAndSeverity(alert: 'nodeMemoryPressure' | 'containersWithoutMemoryLimit' | 'containersAboveMemoryRequest') {
  return ({ alerts }: Owner) =>
    alerts[alert].enabled ? { for: alerts[alert].for, severity: alerts[alert].severity } : undefined;
}

function windowAndSeverity(alert: 'nodeMemoryEvictions' | 'podsEvicted') {
  return ({ alerts }: Owner) =>
    alerts[alert].enabled ? { window: alerts[alert].window, severity: alerts[alert].severity } : undefined;
}

/** Per alert: the owner's settings its rules depend on; undefined when the owner has the alert off. */
export const RULE_SETTINGS = {
  containerMemoryNearLimit: nearLimit,
  containerOOMKilled: oomKilled,
  containerProcessOOMKilled: processOOMKilled,
  containerMemoryLeak: memoryLeak,
  podMemoryNearLimit: podNearLimit,
  nodeMemoryPressure: forAndSeverity('nodeMemoryPressure'),
  nodeMemoryEvictions: windowAndSeverity('nodeMemoryEvictions'),
  podsEvicted: windowAndSeverity('podsEvicted'),
  containersWithoutMemoryLimit: forAndSeverity('containersWithoutMemoryLimit'),
  containersAboveMemoryRequest: forAndSeverity('containersAboveMemoryRequest'),
} satisfies { [A in AlertName]: (owner: Owner) => Record<string, SettingValue> | undefined };

/** Per numeric setting: the owner's value, undefined where the owner does not use it (alert off, exit 137 not counted). */
export const VALUE_SETTINGS = {
  'containerMemoryNearLimit.threshold': ({ alerts: { containerMemoryNearLimit: a } }: Owner) =>
    a.enabled ? a.threshold : undefined,
  'containerOOMKilled.evidenceMargin': ({ alerts: { containerOOMKilled: a } }: Owner) =>
    a.enabled && a.errorExit137 ? a.evidenceMargin : undefined,
} satisfies Record<string, (owner: Owner) => number | undefined>;

export type ValueSetting = keyof typeof VALUE_SETTINGS;

export type SettingsOf<A extends AlertName> = NonNullable<ReturnType<(typeof RULE_SETTINGS)[A]>>;

/** What an alert is about: namespaces (their containers, pods) or nodes. */
export function ownedKind(alert: AlertName): OwnedBy {
  return (NODE_ALERTS as readonly string[]).includes(alert) ? 'nodes' : 'namespaces';
}

/** `for=10m,severity=warning,threshold=0.95`: the settings in words, keys sorted, as a label value. */
export function settingsText(settings: Record<string, SettingValue>): string {
  return Object.keys(settings)
    .sort()
    .map((key) => `${key}=${settings[key]}`)
    .join(',');
}
