// A team's extra labels are copied onto its alerts from the owner series; one named like the cluster label would
// replace the cluster of every alert of the team (and break the joins on it), so it is refused.
import type { Problem } from '../config/input-error.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { problemAt } from '../config/zod-problems.ts';

export function teamLabelProblems(loaded: LoadedConfig): Problem[] {
  const clusterLabel = loaded.config.cluster?.label;
  if (clusterLabel === undefined) return [];
  return loaded.teams
    .filter((entry) => Object.hasOwn(entry.team.labels, clusterLabel))
    .map((entry) =>
      problemAt(
        entry.source,
        [...entry.path, 'labels', clusterLabel],
        `is the cluster label (cluster.label in the config): headroom sets it from the series; pick another name`,
      ),
    );
}
