// Bad input (config file, team files, CLI flags) is reported as problems that name the file, line and key.
// The CLI prints them and exits with code 2 before anything is written.

export interface Position {
  line: number;
  column: number;
}

export interface Problem {
  file: string;
  position?: Position;
  /** Dotted path of the offending key, e.g. `alerts.containerMemoryNearLimit.threshold`. */
  key?: string;
  message: string;
}

export class InputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
  }
}

export function formatProblem(problem: Problem): string {
  const where = problem.position ? `${problem.file}:${problem.position.line}:${problem.position.column}` : problem.file;
  return problem.key ? `${where}: ${problem.key}: ${problem.message}` : `${where}: ${problem.message}`;
}

/** A path into a parsed document, as zod reports it. */
export type KeyPath = readonly PropertyKey[];

export function keyPathText(path: KeyPath): string {
  return path.map(String).join('.');
}

/** Finds where a key path sits in one source file; `undefined` when it cannot tell. */
export type Locator = (path: KeyPath) => Position | undefined;

/** A parsed input file: its path, and how to point at a key inside it. */
export interface SourceFile {
  file: string;
  locate: Locator;
}
