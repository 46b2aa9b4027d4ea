// The kinds of setting alerts share: on/off, severity, fractions of the memory limit. Durations, with the bounds their
// use in the rules gives them, are in src/values/duration-setting.ts.
import { z } from 'zod';

export const enabled = z.boolean().meta({ description: 'false turns the alert off' });

export const severity = z.enum(['critical', 'warning', 'info']).meta({
  description: 'The severity label: critical pages, warning notifies, info goes to the ticket receiver',
});

/** A share of the memory limit an alert fires above. */
export const threshold = z
  .number({ message: 'must be a number' })
  .gt(0, { message: 'must be greater than 0 (a fraction of the memory limit, e.g. 0.85)' })
  .lte(1, { message: 'must be at most 1 (a fraction of the memory limit, e.g. 0.85)' })
  .meta({ description: 'Fraction of the memory limit, in (0, 1]' });

/** A small share of the memory limit: a margin below it. */
export const fraction = z
  .number({ message: 'must be a number' })
  .gt(0, { message: 'must be greater than 0' })
  .lt(0.5, { message: 'must be below 0.5 (a fraction of the memory limit, e.g. 0.03)' })
  .meta({ description: 'Fraction of the memory limit, in (0, 0.5)' });

/** A duration setting described by what it does, its syntax and bounds kept: "How long …; Prometheus duration, …". */
export function durationSetting<Schema extends z.ZodString>(schema: Schema, what: string): Schema {
  return schema.meta({ description: `${what}; ${schema.description}` });
}
