// Alerts that `inputs.absent` holds back (the manifest's `notGenerated`, see src/model/not-generated.ts): the change
// says once that an alert is not generated and which declared-absent input it needs, instead of every team's setting
// turning off without a reason.
import { alertName } from './alert-names.ts';
import type { ManifestData } from './read-manifest.ts';
import type { NotGeneratedChange } from './report.ts';
import { byCodePoint } from '../values/ordering.ts';

/** Alerts held back in `current` and not in `old` (or for other inputs), then those released, by name. */
export function notGeneratedChanges(old: ManifestData, current: ManifestData): NotGeneratedChange[] {
  const was = old.notGenerated ?? {};
  const is = current.notGenerated ?? {};
  const names = [...new Set([...Object.keys(was), ...Object.keys(is)])].sort(byCodePoint);
  return names.flatMap((alert): NotGeneratedChange[] => {
    const before = was[alert];
    const after = is[alert];
    if (after !== undefined)
      return before !== undefined && before.join() === after.join()
        ? []
        : [{ alert, status: 'held-back', needs: after }];
    return [{ alert, status: onForSomeone(current, alert) ? 'generated' : 'off', needs: before ?? [] }];
  });
}

function onForSomeone(manifest: ManifestData, alert: string): boolean {
  return [manifest.unclaimed, ...Object.values(manifest.teams)].some((owner) =>
    Object.entries(owner.alerts).some(([key, settings]) => alertName(key) === alert && settings.enabled === true),
  );
}

export function notGeneratedLine(change: NotGeneratedChange): string {
  const needs = change.needs.join(', ');
  if (change.status === 'held-back')
    return `${change.alert}: not generated, for any team: it needs ${needs}, declared absent (inputs.absent)`;
  if (change.status === 'generated') return `${change.alert}: generated again: ${needs} no longer declared absent`;
  return `${change.alert}: no longer held back by inputs.absent (${needs}), but off for every team`;
}
