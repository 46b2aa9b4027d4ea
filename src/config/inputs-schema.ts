// `inputs`: what the config says about the series headroom's alerts read. `absent` lists metrics the stack does not
// keep on purpose (an allowlist, a relabelling, an old exporter): an alert that needs one is not generated, one that
// works without it is generated as it is, and HeadroomInputMissing does not watch it.
import { z } from 'zod';
import { ALERTS } from '../alerts/catalogue.ts';

/** Every metric an alert of the catalogue reads, sorted. */
const INPUT_METRICS: readonly string[] = [
  ...new Set(ALERTS.flatMap((alert) => alert.inputs.map((input) => input.metric))),
].sort();

/** Edits (insert, delete, replace a character) from `a` to `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** The known metric an unknown name most likely meant: the nearest within a few typos, if one is. */
export function suggestedMetric(name: string): string | undefined {
  const nearest = INPUT_METRICS.map((metric) => ({ metric, distance: editDistance(name.toLowerCase(), metric) })).sort(
    (a, b) => a.distance - b.distance,
  )[0];
  return nearest !== undefined && nearest.distance <= Math.max(2, Math.floor(name.length / 5))
    ? nearest.metric
    : undefined;
}

const inputMetric = z.string().superRefine((name, context) => {
  if (INPUT_METRICS.includes(name)) return;
  const meant = suggestedMetric(name);
  context.addIssue({
    code: 'custom',
    message: meant
      ? `unknown input metric "${name}": did you mean ${meant}?`
      : `unknown input metric "${name}" (headroom's alerts read ${INPUT_METRICS.join(', ')}; see docs/series.md)`,
  });
});

export const inputsSchema = z
  .strictObject({
    absent: z
      .array(inputMetric)
      .default([])
      .meta({
        description:
          'Input metrics your stack does not keep, on purpose (e.g. kubelet_evictions where the kubelet is not ' +
          'scraped; see docs/series.md): an alert that needs one is not generated (generate, validate and diff say ' +
          'which), one that works without it is generated as it is, and HeadroomInputMissing does not watch it',
      }),
  })
  .prefault({});
