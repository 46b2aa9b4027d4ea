// A throwaway copy of a fixture project, for tests that edit input files or write output.
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { listFiles } from '../../src/output/list-files.ts';
import { FIXTURES } from './paths.ts';

export interface TempProject {
  dir: string;
  write(path: string, content: string): void;
  read(path: string): string;
  /** Replaces the first match of `from` (every match of a /g expression); an edit that changes nothing throws. */
  edit(path: string, from: string | RegExp, to: string): void;
  /** Every file below `path` with its content and modification time, to prove nothing was touched. */
  snapshot(path: string): Record<string, string>;
}

/** `text` of `path` with `from` replaced; a replacement that changes nothing is a test's mistake, so it throws. */
export function edited(path: string, text: string, from: string | RegExp, to: string): string {
  const after = text.replace(from, to);
  if (after === text) throw new Error(`edit of ${path} changed nothing: ${String(from)} not found`);
  return after;
}

export function tempProject(fixture: string): TempProject {
  const dir = mkdtempSync(join(tmpdir(), `headroom-${fixture}-`));
  cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  const project: TempProject = {
    dir,
    write: (path, content) => writeFileSync(join(dir, path), content),
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    edit: (path, from, to) => project.write(path, edited(path, project.read(path), from, to)),
    snapshot: (path) =>
      Object.fromEntries(
        listFiles(join(dir, path)).map((file) => {
          const full = join(dir, path, file);
          return [relative(dir, full), `${statSync(full).mtimeMs} ${readFileSync(full, 'utf8')}`];
        }),
      ),
  };
  return project;
}
