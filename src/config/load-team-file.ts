// Reads one team file (YAML) into a validated team, keeping a locator for later errors.
import { dirname } from 'node:path';
import { type Document, LineCounter, parseAllDocuments, parseDocument } from 'yaml';
import { resolveDisplayed } from './display-path.ts';
import { InputError, type SourceFile } from './input-error.ts';
import { yamlLocator } from './locate-yaml.ts';
import { type AllowedRoots, type KnownFile, readTeamFile } from './read-team-file.ts';
import { type Team, teamSchema } from './team-schema.ts';
import { shownText } from './shown-text.ts';
import { plainDataProblems, toPlainData } from './team-yaml-data.ts';
import { zodProblems } from './zod-problems.ts';

export interface SourcedTeam {
  team: Team;
  source: SourceFile;
  /** Where the team sits in its source: [] for a team file, ['teams', i] for an inline team. */
  path: readonly PropertyKey[];
}

/**
 * Loads the team file at `file` (the path as messages show it). Its real path must lie in one of `allowedFolders`
 * (the config folder and the teams folder); by default the folder it sits in. See KnownFile for `at`.
 */
export function loadTeamFile(
  file: string,
  allowedFolders: readonly string[] | AllowedRoots = [dirname(resolveDisplayed(file))],
  at?: KnownFile,
): SourcedTeam {
  const text = readTeamFile(file, resolveDisplayed(file), allowedFolders, at);
  const known = loadedBefore.get(text)?.deref();
  if (known) return { team: known.team, source: { file, locate: known.source.locate }, path: [] };
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: false });
  const source: SourceFile = { file, locate: yamlLocator(document, lineCounter) };
  // Duplicate keys are reported by plainDataProblems, which knows their key path.
  const syntax = syntaxProblems(file, document, text);
  if (syntax.length > 0) throw new InputError(syntax);
  if (document.contents === null) {
    throw new InputError([
      { file, message: 'empty team file: it needs at least `name:` (and the namespaces or nodes the team owns)' },
    ]);
  }
  const shape = plainDataProblems(document, source, lineCounter);
  if (shape.length > 0) throw new InputError(shape);
  const parsed = teamSchema.safeParse(toPlainData(document, source, lineCounter), { reportInput: true });
  if (!parsed.success) throw new InputError(zodProblems(parsed.error, source));
  const loaded: SourcedTeam = { team: parsed.data, source, path: [] };
  loadedBefore.set(text, new WeakRef(loaded));
  forgotten.register(loaded, text);
  return loaded;
}

/**
 * Team files loaded without a problem, by their text, while a loaded config still holds them: `diff --base` loads the
 * work tree's team files and then the ref's copies, nearly all the same (parsing and validating 5,000 team files takes
 * a second). What a file's text gives does not depend on where it lies; the team is read, never changed.
 */
const loadedBefore = new Map<string, WeakRef<SourcedTeam>>();
const forgotten = new FinalizationRegistry<string>((text) => {
  if (loadedBefore.get(text)?.deref() === undefined) loadedBefore.delete(text);
});

function syntaxProblems(file: string, document: Document, text: string) {
  return document.errors.map((error) => {
    const start = error.linePos?.[0];
    const position = start ? { position: { line: start.line, column: start.col } } : {};
    if (error.code === 'MULTIPLE_DOCS') {
      const count = parseAllDocuments(text).length;
      return {
        file,
        ...position,
        message:
          `holds ${count} YAML documents (a \`---\` line starts each): a team file holds one team; put each ` +
          `team in its own file`,
      };
    }
    // The yaml package reports a stack overflow on deep nesting (`[[[[…`) as an error of its own.
    if (/Maximum call stack/.test(error.message))
      return {
        file,
        ...position,
        message: 'lists or mappings nested too deeply to read: a team file is a few levels deep',
      };
    return { file, ...position, message: `YAML syntax error: ${shownText(firstLine(error.message))}` };
  });
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
