// The near-limit thresholds a team's dashboard draws: exactly the numbers its alerts use, from the resolved model.
// A team's dashboard covers every namespace whose alerts carry `team="<name>"`. For the default team that is the
// namespaces no team claims (the catch-all owner, config defaults) and, when a team file of that name claims
// namespaces too, those (the team file's overrides). Where the two differ the dashboard draws both lines.
import type { Model } from '../../model/model.ts';

/** Distinct thresholds of the owners labelled `team`, ascending; none where the near-limit alert is off. */
export function nearLimitThresholds(model: Model, team: string): number[] {
  const thresholds = model.owners
    .filter((owner) => owner.team === team && owner.alerts.containerMemoryNearLimit.enabled)
    .map((owner) => owner.alerts.containerMemoryNearLimit.threshold);
  return [...new Set(thresholds)].sort((a, b) => a - b);
}
