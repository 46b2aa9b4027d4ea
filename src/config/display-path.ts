// Paths in messages as the user would type them: relative to the working directory when inside it.
import { relative } from 'node:path';

export function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' ? '.' : shown.startsWith('..') ? path : shown;
}
