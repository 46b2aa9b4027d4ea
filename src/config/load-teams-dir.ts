// The team files of the teams folder: every *.yaml / *.yml file, in name order, all their problems reported at once.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { displayPath, resolveDisplayed } from './display-path.ts';
import { InputError, type Problem, type SourceFile } from './input-error.ts';
import { loadTeamFile, type SourcedTeam } from './load-team-file.ts';
import { allowedRoots } from './read-team-file.ts';
import { escapeInvisible } from './shown-text.ts';
import { teamFileNames } from './team-file-names.ts';

/**
 * Team files whose bytes are known without reading them from disk: `diff --base` reads the ref's team files straight
 * from git rather than writing thousands of them into its temporary copy of the ref (that took up to 3 s for 5,000
 * files). They count as regular files in `folder`, which exists on disk and holds no file of the same name.
 */
export interface HeldTeamFiles {
  /** Real path of the folder (no link on the way). */
  folder: string;
  /** File name → content. */
  files: ReadonlyMap<string, Buffer>;
}

/**
 * Every *.yaml / *.yml file of the teams folder, in name order; all their problems reported at once. The `held` files
 * are among them when `dir` is their folder.
 */
export function loadTeamsDir(dir: string, config: SourceFile, required: boolean, held?: HeldTeamFiles): SourcedTeam[] {
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
  const allowedFolders = allowedRoots([dirname(resolveDisplayed(config.file)), dir]);
  const problems: Problem[] = [];
  const teams: SourcedTeam[] = [];
  const realDir = realpathSync.native(dir);
  const heldHere = held !== undefined && realDir === held.folder ? held : undefined;
  const listed = readdirSync(dir, { withFileTypes: true });
  const names = listed.map((entry) => entry.name);
  const plainFiles = new Set(listed.filter((entry) => entry.isFile()).map((entry) => entry.name));
  for (const entry of teamFileNames(heldHere ? [...names, ...heldHere.files.keys()] : names)) {
    const file = displayPath(join(dir, entry.name));
    if (!entry.load) {
      problems.push({ file: escapeInvisible(file), message: entry.problem });
      continue;
    }
    // A file, not a link, in a folder whose real path is known: its own real path too.
    const realPath = join(realDir, entry.name);
    const bytes = heldHere?.files.get(entry.name);
    const known = bytes !== undefined ? { realPath, bytes } : plainFiles.has(entry.name) ? { realPath } : undefined;
    try {
      teams.push(loadTeamFile(file, allowedFolders, known));
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
