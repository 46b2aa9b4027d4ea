// The team files of the teams folder: every *.yaml / *.yml file, in name order, all their problems reported at once.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from './display-path.ts';
import { InputError, type Problem, type SourceFile } from './input-error.ts';
import { loadTeamFile, type SourcedTeam } from './load-team-file.ts';

/** Every *.yaml / *.yml file of the teams folder, in name order; all their problems reported at once. */
export function loadTeamsDir(dir: string, config: SourceFile, required: boolean): SourcedTeam[] {
  if (!existsSync(dir)) {
    if (!required) return [];
    throw new InputError([{ file: config.file, key: 'teamsDir', ...position(config, ['teamsDir']), message: `folder ${displayPath(dir)} does not exist` }]);
  }
  const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
  const problems: Problem[] = [];
  const teams: SourcedTeam[] = [];
  for (const name of files) {
    try {
      teams.push(loadTeamFile(displayPath(join(dir, name))));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return teams;
}

function position(source: SourceFile, path: readonly PropertyKey[]) {
  const found = source.locate(path);
  return found ? { position: found } : {};
}
