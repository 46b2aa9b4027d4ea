// Loads headroom.config.ts (through jiti, so users need no build step) and the team files it points at.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { displayPath } from './display-path.ts';
import { importConfig } from './import-config.ts';
import { InputError, type SourceFile } from './input-error.ts';
import type { SourcedTeam } from './load-team-file.ts';
import { type HeldTeamFiles, loadTeamsDir } from './load-teams-dir.ts';
import { typescriptLocator } from './locate-typescript.ts';
import { configSchema, type HeadroomConfig } from './schema.ts';
import { zodProblems } from './zod-problems.ts';

export interface LoadedConfig {
  config: HeadroomConfig;
  configFile: string;
  /** Folder of the config file; relative paths in the config are resolved against it. */
  baseDir: string;
  teams: SourcedTeam[];
  /** The teams folder, when it is the default (`teams`, not set in the config) and does not exist: no file was read. */
  missingTeamsDir?: string;
}

/** `heldTeamFiles`: team files known without reading them from disk (see HeldTeamFiles). */
export async function loadConfig(configPath: string, heldTeamFiles?: HeldTeamFiles): Promise<LoadedConfig> {
  const configFile = resolve(configPath);
  const shown = displayPath(configFile);
  const unusable = notAConfigFile(configFile);
  if (unusable) throw new InputError([{ file: shown, message: unusable }]);
  const sourceText = readFileSync(configFile, 'utf8');
  const source: SourceFile = { file: shown, locate: typescriptLocator(configFile, sourceText) };
  const raw = await importConfig(configFile, shown, sourceText, source.locate);
  const parsed = configSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new InputError(zodProblems(parsed.error, source));
  const config = parsed.data;
  const baseDir = dirname(configFile);
  const inline = config.teams.map((team, i): SourcedTeam => ({ team, source, path: ['teams', i] }));
  const teamsDirGiven = typeof raw === 'object' && raw !== null && 'teamsDir' in raw;
  const teamsDir = resolve(baseDir, config.teamsDir);
  // A teamsDir the config names must exist (loadTeamsDir refuses it); the default may be absent, with a warning.
  const fromFiles = loadTeamsDir(teamsDir, source, teamsDirGiven, heldTeamFiles);
  const missing = !teamsDirGiven && !existsSync(teamsDir);
  return {
    config,
    configFile,
    baseDir,
    teams: [...inline, ...fromFiles],
    ...(missing ? { missingTeamsDir: teamsDir } : {}),
  };
}

/** What jiti runs: TypeScript or JavaScript, ES module or CommonJS. */
const CONFIG_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

/** A symlink is followed (the user chose to run that file); a dangling one is not found. */
function notAConfigFile(configFile: string): string | undefined {
  if (!existsSync(configFile)) return 'config file not found (pass --config PATH)';
  const stat = statSync(configFile);
  if (stat.isDirectory()) return 'is a folder, not a config file (pass --config path/to/headroom.config.ts)';
  if (!stat.isFile()) return 'is not a regular file (a device or a pipe would never end or never start)';
  if (!CONFIG_EXTENSIONS.includes(extname(configFile)))
    return (
      `is not a TypeScript or JavaScript file (${CONFIG_EXTENSIONS.join(', ')}); pass --config ` +
      `path/to/headroom.config.ts`
    );
  return undefined;
}
