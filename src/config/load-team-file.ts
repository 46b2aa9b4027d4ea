// Reads one team file (YAML) into a validated team, keeping a locator for later errors.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { InputError, type SourceFile } from './input-error.ts';
import { yamlLocator } from './locate-yaml.ts';
import { type Team, teamSchema } from './schema.ts';
import { zodProblems } from './zod-problems.ts';

export interface SourcedTeam {
  team: Team;
  source: SourceFile;
  /** Where the team sits in its source: [] for a team file, ['teams', i] for an inline team. */
  path: readonly PropertyKey[];
}

export function loadTeamFile(file: string): SourcedTeam {
  const lineCounter = new LineCounter();
  const document = parseDocument(readTeamFile(file), { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new InputError(
      document.errors.map((error) => {
        const start = error.linePos?.[0];
        return { file, ...(start ? { position: { line: start.line, column: start.col } } : {}), message: `YAML syntax error: ${firstLine(error.message)}` };
      }),
    );
  }
  const source: SourceFile = { file, locate: yamlLocator(document, lineCounter) };
  const parsed = teamSchema.safeParse(document.toJS() ?? {}, { reportInput: true });
  if (!parsed.success) throw new InputError(zodProblems(parsed.error, source));
  return { team: parsed.data, source, path: [] };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function readTeamFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError([{ file, message: `cannot read this team file: ${error instanceof Error ? error.message : String(error)}` }]);
  }
}
