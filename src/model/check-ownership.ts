// Ownership must be unambiguous: one team per name, per namespace and per node in every cluster. Globs are compared
// exactly (any valid name both match: a namespace name has at most 63 characters, a node name 253), so `payments-*`
// and `*-prod` conflict while `payments-*` and `search-*` do not; claims scoped to clusters conflict only where their
// cluster scopes overlap too. A team's own patterns may overlap (it owns the name once): quiet-settings warns.
import type { Problem, SourceFile } from '../config/input-error.ts';
import type { SourcedTeam } from '../config/load-team-file.ts';
import { problemAt } from '../config/zod-problems.ts';
import { NAMESPACE_NAMES, NODE_NAMES } from '../values/name-syntax.ts';
import { ALERTS } from '../alerts/catalogue.ts';
import type { HeadroomConfig } from '../config/schema.ts';
import { firstEarlierConflicts } from './claim-conflicts.ts';

export function ownershipProblems(teams: SourcedTeam[], config: Pick<HeadroomConfig, 'cluster'>): Problem[] {
  return [
    ...duplicateNames(teams),
    ...clustersWithoutClusterLabel(teams, config),
    ...overlaps(teams, 'namespaces'),
    ...overlaps(teams, 'nodes'),
    ...nodeOverridesWithoutNodes(teams),
  ];
}

function duplicateNames(teams: SourcedTeam[]): Problem[] {
  const first = new Map<string, SourcedTeam>();
  const problems: Problem[] = [];
  for (const entry of teams) {
    const earlier = first.get(entry.team.name);
    if (earlier)
      problems.push(at(entry, ['name'], `team "${entry.team.name}" is already defined in ${earlier.source.file}`));
    else first.set(entry.team.name, entry);
  }
  return problems;
}

function clustersWithoutClusterLabel(teams: SourcedTeam[], config: Pick<HeadroomConfig, 'cluster'>): Problem[] {
  if (config.cluster) return [];
  return teams
    .filter((entry) => entry.team.clusters.length > 0)
    .map((entry) => at(entry, ['clusters'], 'needs `cluster: { label: … }` in the config'));
}

function overlaps(teams: SourcedTeam[], field: 'namespaces' | 'nodes'): Problem[] {
  const claims = teams.flatMap((entry, owner) =>
    entry.team[field].map((pattern, index) => ({ entry, pattern, index, clusters: entry.team.clusters, owner })),
  );
  const conflicts = firstEarlierConflicts(claims, field === 'nodes' ? NODE_NAMES : NAMESPACE_NAMES);
  const problems: Problem[] = [];
  claims.forEach((claim, i) => {
    const other = claims[conflicts[i]!];
    if (!other) return;
    const scoped = claim.clusters.length > 0 || other.clusters.length > 0;
    const where = scoped
      ? ` in overlapping clusters (${scopeText(other.clusters)} and ${scopeText(claim.clusters)})`
      : '';
    const who = `also claimed by team "${other.entry.team.name}" (${other.entry.source.file})${where}`;
    const what =
      other.pattern === claim.pattern
        ? `"${claim.pattern}" is ${who}`
        : `"${claim.pattern}" overlaps "${other.pattern}", ${who}`;
    const owner =
      `each ${field === 'nodes' ? 'node' : 'namespace'} must have exactly one ` +
      `owner${scoped ? ' in every cluster' : ''}`;
    problems.push(at(claim.entry, [field, claim.index], `${what}: ${owner}`));
  });
  return problems;
}

function scopeText(clusters: readonly string[]): string {
  return clusters.length === 0 ? 'every cluster' : clusters.join(', ');
}

function nodeOverridesWithoutNodes(teams: SourcedTeam[]): Problem[] {
  return teams
    .filter((entry) => entry.team.nodes.length === 0)
    .flatMap((entry) =>
      ALERTS.filter((alert) => alert.subject === 'nodes' && entry.team.alerts[alert.key]).map((alert) =>
        at(entry, ['alerts', alert.key], 'has no effect: the team owns no nodes (list them under `nodes:`)'),
      ),
    );
}

function at(entry: SourcedTeam, path: PropertyKey[], message: string): Problem {
  const source: SourceFile = entry.source;
  return problemAt(source, [...entry.path, ...path], message);
}
