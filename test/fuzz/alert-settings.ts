// Every overridable alert setting, read from the catalogue's zod settings (src/alerts/catalogue.ts), so an alert or a
// setting added there is fuzzed without touching the arbitraries. A setting of a kind not known here fails loudly.
import fc from 'fast-check';
import { z } from 'zod';
import { ALERTS } from '../../src/alerts/catalogue.ts';

export type SettingKind =
  | { kind: 'boolean' }
  | { kind: 'enum'; values: string[] }
  | { kind: 'number'; min: number; max: number; minIncluded: boolean; maxIncluded: boolean }
  | { kind: 'duration' };

export interface AlertSetting {
  alert: string;
  setting: string;
  schema: z.ZodType;
  type: SettingKind;
}

function unwrapOptional(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault || inner instanceof z.ZodPrefault)
    inner = (inner as z.ZodOptional).unwrap() as z.ZodType;
  return inner;
}

function kindOf(alert: string, setting: string, schema: z.ZodType): SettingKind {
  if (schema instanceof z.ZodBoolean) return { kind: 'boolean' };
  if (schema instanceof z.ZodEnum) return { kind: 'enum', values: schema.options.map(String) };
  if (schema instanceof z.ZodNumber) {
    const min = schema.minValue ?? -1e9;
    const max = schema.maxValue ?? 1e9;
    return {
      kind: 'number',
      min,
      max,
      minIncluded: schema.safeParse(min).success,
      maxIncluded: schema.safeParse(max).success,
    };
  }
  // Durations are strings with a refinement: recognised by what they accept and refuse.
  if (schema instanceof z.ZodString && schema.safeParse('5m').success && !schema.safeParse('5 minutes').success)
    return { kind: 'duration' };
  throw new Error(
    `alerts.${alert}.${setting}: a setting of a kind the fuzz arbitraries do not know; teach ` +
      `test/fuzz/alert-settings.ts`,
  );
}

/** Every alert and its settings, in catalogue order. */
export const ALERT_SETTINGS: AlertSetting[] = ALERTS.flatMap((alert) =>
  Object.entries((alert.settings as z.ZodObject).shape).map(([setting, schema]) => {
    const inner = unwrapOptional(schema as z.ZodType);
    return { alert: alert.key, setting, schema: inner, type: kindOf(alert.key, setting, inner) };
  }),
);

/** Keys of the alerts about nodes (a team needs `nodes:` to override them). */
export const NODE_ALERT_KEYS: ReadonlySet<string> = new Set(
  ALERTS.filter((alert) => alert.subject === 'nodes').map((alert) => alert.key),
);

export const ALERT_NAMES: string[] = [...new Set(ALERT_SETTINGS.map((entry) => entry.alert))];

/** A Prometheus duration of at least a minute, as users write them: 7m, 1h30m, 2d, 90s. */
export const durationArb: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1, max: 59 }).map((m) => `${m}m`),
  fc.integer({ min: 60, max: 600 }).map((s) => `${s}s`),
  fc
    .tuple(fc.integer({ min: 1, max: 47 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => (m === 0 ? `${h}h` : `${h}h${m}m`)),
  fc.integer({ min: 1, max: 14 }).map((d) => `${d}d`),
  fc.constantFrom('1w', '1d12h', '2h0m30s'),
);

/** Numbers as a user writes them (0.85, 0.9, 1) and arbitrary doubles inside the schema's range. */
function numberArb(type: Extract<SettingKind, { kind: 'number' }>): fc.Arbitrary<number> {
  // Far above the exclusive lower bound: a 1e-9 threshold silently disables an alert and may be refused for that.
  const low = Math.max(type.min, type.max / 50);
  const nice = [0.01, 0.03, 0.05, 0.1, 0.25, 0.49, 0.5, 0.8, 0.85, 0.9, 0.95, 0.99, 1].filter(
    (n) => n >= low && (n < type.max || (type.maxIncluded && n === type.max)),
  );
  const doubles = fc
    .double({ min: low, max: type.max, noNaN: true, maxExcluded: !type.maxIncluded })
    .map((n) => Number(n.toPrecision(6)));
  return fc
    .oneof(fc.constantFrom(...nice), doubles)
    .filter((n) => n > type.min && (type.maxIncluded ? n <= type.max : n < type.max));
}

export function settingValueArb(setting: AlertSetting): fc.Arbitrary<unknown> {
  const { type } = setting;
  switch (type.kind) {
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...type.values);
    case 'number':
      return numberArb(type);
    case 'duration':
      // Each duration setting has its own bounds (src/config/duration-setting.ts: a window is at most 1d).
      return durationArb.filter((text) => setting.schema.safeParse(text).success);
  }
}

/** Overrides of any subset of every alert's settings (each setting present or not, independently). */
export const alertOverridesArb: fc.Arbitrary<Record<string, Record<string, unknown>>> = fc
  .record(
    Object.fromEntries(
      ALERT_NAMES.map((alert) => [
        alert,
        fc.option(
          fc.record(
            Object.fromEntries(
              ALERT_SETTINGS.filter((s) => s.alert === alert).map((s) => [s.setting, settingValueArb(s)]),
            ),
            { requiredKeys: [] },
          ),
          { freq: 3, nil: undefined },
        ),
      ]),
    ),
    { requiredKeys: [] },
  )
  .map(
    (overrides) =>
      Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)) as Record<
        string,
        Record<string, unknown>
      >,
  );

/** Overrides of every setting of every alert, each value drawn apart: as many distinct settings as teams. */
export const everyAlertOverridesArb: fc.Arbitrary<Record<string, Record<string, unknown>>> = fc.record(
  Object.fromEntries(
    ALERT_NAMES.map((alert) => [
      alert,
      fc.record(
        Object.fromEntries(ALERT_SETTINGS.filter((s) => s.alert === alert).map((s) => [s.setting, settingValueArb(s)])),
      ),
    ]),
  ),
);
