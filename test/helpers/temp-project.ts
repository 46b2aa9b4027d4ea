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
  /** Every file below `path` with its content and modification time, to prove nothing was touched. */
  snapshot(path: string): Record<string, string>;
}

export function tempProject(fixture: string): TempProject {
  const dir = mkdtempSync(join(tmpdir(), `headroom-${fixture}-`));
  cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  return {
    dir,
    write: (path, content) => writeFileSync(join(dir, path), content),
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    snapshot: (path) =>
      Object.fromEntries(
        listFiles(join(dir, path)).map((file) => {
          const full = join(dir, path, file);
          return [relative(dir, full), `${statSync(full).mtimeMs} ${readFileSync(full, 'utf8')}`];
        }),
      ),
  };
}
