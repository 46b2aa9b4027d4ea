// Duration settings with the bounds their use in the rules gives them. The syntax alone lets through values
// Prometheus refuses (a `[0s]` range) or that make the alert useless or break its evaluation (`for: 1y`; a window of a
// week re-reads a week of every restart counter each minute, past Prometheus' default --query.max-samples of 50M
// at ten thousand containers). Values that are legal but quiet (a 500ms window) are warnings, see
// src/model/quiet-settings.ts.
import { z } from 'zod';
import { durationMs, isDuration } from './duration.ts';

interface Bounds {
  /** Whether 0 is allowed (`for: 0s` fires at once; a `[0s]` range is refused by Prometheus). */
  zero: boolean;
  /** The longest value, as a Prometheus duration. */
  max: string;
  /** Why longer values are refused, after "must be at most <max>: ". */
  why: string;
}

const SYNTAX = 'must be a Prometheus duration such as 30s, 5m or 1h30m';

function boundedDuration({ zero, max, why }: Bounds) {
  const maxMs = durationMs(max);
  return z
    .string()
    .superRefine((text, context) => {
      if (!isDuration(text)) context.addIssue({ code: 'custom', message: SYNTAX });
      else if (!zero && durationMs(text) === 0)
        context.addIssue({ code: 'custom', message: 'must be longer than 0 (Prometheus refuses a range of 0)' });
      else if (durationMs(text) > maxMs)
        context.addIssue({ code: 'custom', message: `must be at most ${max}: ${why}` });
    })
    .meta({ description: `Prometheus duration, e.g. 30s, 5m, 1h30m; ${zero ? '0s' : 'above 0'} to ${max}` });
}

/** An alerting rule's `for`: how long the condition must hold. */
export const forDuration = boundedDuration({
  zero: true,
  max: '1w',
  why: 'the alert would fire that long after the condition starts',
});

/** A range the rules look back over, on every evaluation, for every container (a window, the leak's lookback). */
export const rangeDuration = boundedDuration({
  zero: false,
  max: '1d',
  why:
    "every evaluation re-reads the whole window of every container, which at 10,000 containers nears Prometheus' " +
    'default limit of 50M samples per query',
});

/** How far ahead the leak forecast looks (a number of seconds in predict_linear, not a range). */
export const horizonDuration = boundedDuration({
  zero: false,
  max: '4w',
  why: 'a line fitted to recent growth says nothing about memory a month ahead',
});
