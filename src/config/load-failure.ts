// Why a config failed to load, as one problem at the config's line and column: a syntax error (the TypeScript
// parser's message and position, not babel's "Unexpected token"), a missing module (at its import), or an error
// the config threw (at the line of its stack frame in the config). Never a stack trace; text the config chose (a
// thrown message, a module name) is shown escaped and capped: it may hold anything, a whole file even.
import { realpathSync } from 'node:fs';
import type { Position, Problem } from './input-error.ts';
import { ConfigExitCalled, ConfigTimedOut } from './load-guard.ts';
import { importPosition, typescriptSyntaxError } from './locate-typescript.ts';
import { shownText } from './shown-text.ts';

export function loadFailure(error: unknown, configFile: string, shown: string, sourceText: string): Problem {
  const problem = (message: string, position?: Position): Problem => ({
    file: shown,
    ...(position ? { position } : {}),
    message: `cannot load the config: ${message}`,
  });
  if (error instanceof ConfigTimedOut) return problem(error.message);
  if (error instanceof ConfigExitCalled) {
    return problem(
      `${error.message} while loading; a config may only export its settings`,
      thrownAt(error, configFile, sourceText),
    );
  }
  const message = firstLine(error);
  if (isParseError(error, message)) {
    const syntax = typescriptSyntaxError(configFile, sourceText);
    if (syntax) return problem(syntax.message, syntax.position);
    return problem(shownText(message.replace(/^ParseError: /, '').trim()), babelPosition(error, configFile));
  }
  const missing = missingModule(error, message);
  if (missing !== undefined) {
    return problem(`cannot find module '${shownText(missing)}'`, importPosition(configFile, sourceText, missing));
  }
  const name = error instanceof Error ? `${error.name}: ` : '';
  return problem(`it threw ${shownText(name + message)}`, thrownAt(error, configFile, sourceText));
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? '';
}

/** jiti reports babel's parse errors as `ParseError: <message>\n <file>:<line>:<column from 0>`. */
function isParseError(error: unknown, message: string): boolean {
  return message.startsWith('ParseError:') || error instanceof SyntaxError;
}

function babelPosition(error: unknown, configFile: string): Position | undefined {
  const text = error instanceof Error ? error.message : '';
  for (const file of namesOf(configFile)) {
    const match = new RegExp(`${escapeRegExp(file)}:(\\d+):(\\d+)`).exec(text);
    if (match) return { line: Number(match[1]), column: Number(match[2]) + 1 };
  }
  return undefined;
}

function missingModule(error: unknown, message: string): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') return undefined;
  return /Cannot find (?:module|package) '([^']*)'/.exec(message)?.[1];
}

/**
 * The first stack frame in the config file gives the line. Its column is not the source's (jiti's transform keeps
 * lines, not columns), so the column is that of the line's first non-blank character: the statement.
 * No source map would do better: jiti's are not applied to stack traces.
 */
function thrownAt(error: unknown, configFile: string, sourceText: string): Position | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  for (const file of namesOf(configFile)) {
    const match = new RegExp(`${escapeRegExp(file)}:(\\d+):\\d+`).exec(stack);
    if (!match) continue;
    const line = Number(match[1]);
    const text = sourceText.replace(/^\uFEFF/, '').split(/\r?\n/)[line - 1];
    // Code written above an import is moved below it by the transform: the frame's line is the import's, not the
    // code's.
    if (text === undefined || /^\s*import\b/.test(text)) return undefined;
    return { line, column: text.length - text.trimStart().length + 1 };
  }
  return undefined;
}

/** The config as the user named it and as jiti may name it (symlinks resolved). */
function namesOf(configFile: string): string[] {
  try {
    const real = realpathSync(configFile);
    return real === configFile ? [configFile] : [configFile, real];
  } catch {
    return [configFile];
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
