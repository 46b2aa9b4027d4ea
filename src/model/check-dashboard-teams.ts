// output.dashboards.perTeam names teams that get a dashboard copy of their own: each must be a team (one defined in
// the config or a team file, or the default team), else the copy would show nothing.
import { readFileSync } from 'node:fs';
import { displayPath } from '../config/display-path.ts';
import type { Problem } from '../config/input-error.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { typescriptLocator } from '../config/locate-typescript.ts';
import { problemAt } from '../config/zod-problems.ts';

export function dashboardTeamProblems({ config, configFile, teams }: LoadedConfig): Problem[] {
  const known = new Set([config.defaultTeam, ...teams.map((entry) => entry.team.name)]);
  const unknown = config.output.dashboards.perTeam.flatMap((team, index) => (known.has(team) ? [] : [{ team, index }]));
  if (unknown.length === 0) return [];
  // Located only when there is something to report: parsing the config's TypeScript costs time.
  const source = {
    file: displayPath(configFile),
    locate: typescriptLocator(configFile, readFileSync(configFile, 'utf8')),
  };
  return unknown.map(({ team, index }) =>
    problemAt(
      source,
      ['output', 'dashboards', 'perTeam', index],
      `"${team}" is not a team (define it in the config or a team file, or name the default team)`,
    ),
  );
}
