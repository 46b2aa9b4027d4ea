// Paths in messages as the user would type them: relative to the working directory when inside it. That is the
// process's, or the one the CLI's `main` was given (tests run many commands, each in its own project, in one process);
// the CLI hands everything below it absolute paths, so only what is shown depends on it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { relative, resolve } from 'node:path';

const givenWorkingDirectory = new AsyncLocalStorage<string>();

/** Runs `work` (and everything it awaits) with paths shown relative to `dir`. */
export function inWorkingDirectory<T>(dir: string, work: () => T): T {
  return givenWorkingDirectory.run(dir, work);
}

export function workingDirectory(): string {
  return givenWorkingDirectory.getStore() ?? process.cwd();
}

export function displayPath(path: string): string {
  const shown = relative(workingDirectory(), path);
  return shown === '' ? '.' : shown.startsWith('..') ? path : shown;
}

/** A path as displayPath shows it, absolute again: code below the CLI that has only the shown path reads by this. */
export function resolveDisplayed(shown: string): string {
  return resolve(workingDirectory(), shown);
}
