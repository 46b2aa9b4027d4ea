// The team files of the teams folder: every *.yaml / *.yml file, in name order, all their problems reported at once.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { displayPath, resolveDisplayed } from './display-path.ts';
import { InputError, type Problem, type SourceFile } from './input-error.ts';
import { loadTeamFile, type SourcedTeam } from './load-team-file.ts';
import { escapeInvisible } from './shown-text.ts';
import { teamFileNames } from './team-file-names.ts';

/** Every *.yaml / *.yml file of the teams folder, in name order; all their problems reported at once. */
export function loadTeamsDir(dir: string, config: SourceFile, required: boolean): SourcedTeam[] {
  if (!existsSync(dir)) {
    if (!required) return [];
    throw new InputError([
      {
        file: config.file,
        key: 'teamsDir',
        ...position(config, ['teamsDir']),
        message: `folder ${displayPath(dir)} does not exist`,
      },
    ]);
  }
  if (!statSync(dir).isDirectory()) {
    throw new InputError([
      {
        file: config.file,
        key: 'teamsDir',
        ...position(config, ['teamsDir']),
        message: `${displayPath(dir)} is not a folder`,
      },
    ]);
  }
  // A team file's real path must stay in the config folder (config.file is shown relative to the working directory),
  // or in the teams folder the config names.
  const allowedFolders = [dirname(resolveDisplayed(config.file)), dir];
  const problems: Problem[] = [];
  const teams: SourcedTeam[] = [];
  for (const entry of teamFileNames(readdirSync(dir))) {
    const file = displayPath(join(dir, entry.name));
    if (!entry.load) {
      problems.push({ file: escapeInvisible(file), message: entry.problem });
      continue;
    }
    try {
      teams.push(loadTeamFile(file, allowedFolders));
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
