// Every alert headroom ships, in the order the config, the docs, the rule groups and the dashboards list them. Adding
// an alert is one module in this folder and one line here (see docs/contributing.md); the config schema, the rule
// groups, the firing-alerts table, validate's warnings, the diff and the docs reference derive from this list.
import { z } from 'zod';
import type { AlertDefinition, AlertFacts } from './alert-definition.ts';
import { containerMemoryLeak } from './container-memory-leak.ts';
import { containerMemoryNearLimit } from './container-memory-near-limit.ts';
import { containerOOMKilled } from './container-oom-killed.ts';
import { containerProcessOOMKilled } from './container-process-oom-killed.ts';
import { containersAboveMemoryRequest } from './containers-above-memory-request.ts';
import { containersWithoutMemoryLimit } from './containers-without-memory-limit.ts';
import { headroomInputMissing } from './headroom-input-missing.ts';
import { headroomRulesFailing } from './headroom-rules-failing.ts';
import { nodeMemoryEvictions } from './node-memory-evictions.ts';
import { nodeMemoryPressure } from './node-memory-pressure.ts';
import { podMemoryNearLimit } from './pod-memory-near-limit.ts';
import { podsEvicted } from './pods-evicted.ts';

/** The alerts a team can tune, under `alerts:` in the config and the team files. */
export const ALERTS = [
  containerMemoryNearLimit,
  containerOOMKilled,
  containerProcessOOMKilled,
  containerMemoryLeak,
  podMemoryNearLimit,
  nodeMemoryPressure,
  nodeMemoryEvictions,
  podsEvicted,
  containersWithoutMemoryLimit,
  containersAboveMemoryRequest,
] as const;

/** headroom's alerts about itself: not configurable, for the default team. */
const META_ALERTS: readonly AlertFacts[] = [headroomRulesFailing, headroomInputMissing];

/** Every alert, the tunable ones first. */
export const ALL_ALERTS: readonly AlertFacts[] = [...ALERTS, ...META_ALERTS];

export type AlertName = (typeof ALERTS)[number]['key'];
type DefinitionOf<Key extends AlertName> = Extract<(typeof ALERTS)[number], { key: Key }>;

/** Every setting of every alert, as in force for one owner. */
export type AlertSettings = { [Key in AlertName]: z.output<DefinitionOf<Key>['settings']> };
/** Any subset of them, as a config or team file gives them. */
export type AlertOverrides = { [Key in AlertName]?: Partial<AlertSettings[Key]> };

export const DEFAULT_ALERTS = Object.fromEntries(
  ALERTS.map((alert) => [alert.key, alert.defaults]),
) as unknown as AlertSettings;

/** The `alerts:` object of the config and the team files: per alert, any subset of its settings. */
export const alertOverridesSchema = z
  .strictObject(
    Object.fromEntries(
      ALERTS.map((alert) => [
        alert.key,
        alert.settings.partial().meta({ description: `${alert.name}: ${alert.summary}` }),
      ]),
    ),
  )
  .partial() as unknown as z.ZodType<AlertOverrides>;

export function alertByKey(key: string): AlertDefinition | undefined {
  return (ALERTS as readonly AlertDefinition[]).find((alert) => alert.key === key);
}
