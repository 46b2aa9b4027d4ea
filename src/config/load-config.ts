// Loads headroom.config.ts (through jiti, so users need no build step) and the team files it points at.
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayPath } from './display-path.ts';
import { InputError, type SourceFile } from './input-error.ts';
import type { SourcedTeam } from './load-team-file.ts';
import { loadTeamsDir } from './load-teams-dir.ts';
import { typescriptLocator } from './locate-typescript.ts';
import { configSchema, type HeadroomConfig } from './schema.ts';
import { zodProblems } from './zod-problems.ts';

export interface LoadedConfig {
  config: HeadroomConfig;
  configFile: string;
  /** Folder of the config file; relative paths in the config are resolved against it. */
  baseDir: string;
  teams: SourcedTeam[];
}

export async function loadConfig(configPath: string): Promise<LoadedConfig> {
  const configFile = resolve(configPath);
  const shown = displayPath(configFile);
  if (!existsSync(configFile)) throw new InputError([{ file: shown, message: 'config file not found (pass --config PATH)' }]);
  const source: SourceFile = { file: shown, locate: typescriptLocator(configFile, readFileSync(configFile, 'utf8')) };
  const raw = await importConfig(configFile, shown);
  const parsed = configSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new InputError(zodProblems(parsed.error, source));
  const config = parsed.data;
  const baseDir = dirname(configFile);
  const inline = config.teams.map((team, i): SourcedTeam => ({ team, source, path: ['teams', i] }));
  const teamsDirGiven = typeof raw === 'object' && raw !== null && 'teamsDir' in raw;
  const fromFiles = loadTeamsDir(resolve(baseDir, config.teamsDir), source, teamsDirGiven);
  return { config, configFile, baseDir, teams: [...inline, ...fromFiles] };
}

/** src/index.ts, or dist/index.js when this module runs compiled (bin/headroom.js picks which). */
const HEADROOM_ENTRY = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../index.ts' : '../index.js', import.meta.url));

async function importConfig(configFile: string, shown: string): Promise<unknown> {
  // jiti compiles the user's TypeScript config; it is only needed here, so it is imported here.
  const { createJiti } = await import('jiti');
  // `import { defineConfig } from 'headroom'` resolves to this copy of headroom wherever the config lives
  // (a temp dir for `diff --base`, a repo without headroom in node_modules).
  // Its transpiled output is cached (keyed by path and content, so an edit is never missed): babel costs a fifth
  // of a second a run. Not for throwaway copies under the temp folder (`diff --base`, tests), which would only
  // leave one cache file each behind.
  const fsCache = !configFile.startsWith(join(tmpdir(), '/'));
  const jiti = createJiti(import.meta.url, { moduleCache: false, fsCache, alias: { headroom: HEADROOM_ENTRY } });
  try {
    return await jiti.import(configFile, { default: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const line = /:(\d+):(\d+)/.exec(message ?? "");
    const position = line ? { line: Number(line[1]), column: Number(line[2]) } : undefined;
    throw new InputError([{ file: shown, ...(position ? { position } : {}), message: `cannot load the config: ${message}` }]);
  }
}
