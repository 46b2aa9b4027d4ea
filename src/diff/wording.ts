// Small pieces of wording shared by the warnings and every format.
import { percent } from '../values/percent.ts';
import type { ValueChange } from './report.ts';

/** "team payments", or who gets everything no team claims. */
export function ownerName(team: string | undefined, defaultTeam: string): string {
  return team === undefined ? `unclaimed namespaces (team ${defaultTeam})` : `team ${team}`;
}

/** A setting's value as a reviewer reads it: thresholds as percentages, absent as "(none)". */
export function shownValue(name: string, value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'number' && /(^|\.)threshold$/.test(name)) return percent(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** threshold 85% → 95%; enabled flips read as "turned off" / "turned on". */
export function changeText(change: ValueChange): string {
  if (change.name === 'enabled' && typeof change.new === 'boolean') return change.new ? 'turned on' : 'turned off';
  return `${change.name} ${shownValue(change.name, change.old)} → ${shownValue(change.name, change.new)}`;
}

/** A label value quoted as in PromQL; absent as (none). */
export function labelValue(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
}
