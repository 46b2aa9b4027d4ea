// Ownership must be unambiguous: one team per name, per namespace and per node. Globs are compared
// exactly (any name both match), so `payments-*` and `*-prod` conflict while `payments-*` and `search-*` do not.
import { type Problem, type SourceFile } from '../config/input-error.ts';
import type { SourcedTeam } from '../config/load-team-file.ts';
import { patternsOverlap } from '../config/name-pattern.ts';
import { problemAt } from '../config/zod-problems.ts';

export function ownershipProblems(teams: SourcedTeam[]): Problem[] {
  return [...duplicateNames(teams), ...overlaps(teams, 'namespaces'), ...overlaps(teams, 'nodes'), ...nodeOverridesWithoutNodes(teams)];
}

function duplicateNames(teams: SourcedTeam[]): Problem[] {
  const first = new Map<string, SourcedTeam>();
  const problems: Problem[] = [];
  for (const entry of teams) {
    const earlier = first.get(entry.team.name);
    if (earlier) problems.push(at(entry, ['name'], `team "${entry.team.name}" is already defined in ${earlier.source.file}`));
    else first.set(entry.team.name, entry);
  }
  return problems;
}

function overlaps(teams: SourcedTeam[], field: 'namespaces' | 'nodes'): Problem[] {
  const claims = teams.flatMap((entry) => entry.team[field].map((pattern, index) => ({ entry, pattern, index })));
  const problems: Problem[] = [];
  claims.forEach((claim, i) => {
    const other = claims.slice(0, i).find((earlier) => patternsOverlap(earlier.pattern, claim.pattern));
    if (!other) return;
    const who = other.entry === claim.entry ? 'also listed by this team' : `also claimed by team "${other.entry.team.name}" (${other.entry.source.file})`;
    const what = other.pattern === claim.pattern ? `"${claim.pattern}" is ${who}` : `"${claim.pattern}" overlaps "${other.pattern}", ${who}`;
    problems.push(at(claim.entry, [field, claim.index], `${what}: each ${field === 'nodes' ? 'node' : 'namespace'} must have exactly one owner`));
  });
  return problems;
}

function nodeOverridesWithoutNodes(teams: SourcedTeam[]): Problem[] {
  return teams
    .filter((entry) => entry.team.alerts.nodeMemoryPressure && entry.team.nodes.length === 0)
    .map((entry) => at(entry, ['alerts', 'nodeMemoryPressure'], 'has no effect: the team owns no nodes (list them under `nodes:`)'));
}

function at(entry: SourcedTeam, path: PropertyKey[], message: string): Problem {
  const source: SourceFile = entry.source;
  return problemAt(source, [...entry.path, ...path], message);
}
