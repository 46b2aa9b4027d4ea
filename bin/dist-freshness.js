// Decides whether bin/headroom.js may run the compiled dist/ or must run src/ through jiti.
// dist/ counts only when it was built after the last change under src/: a developer (or a test) who edits
// src/*.ts and runs the CLI right after must never get the old code. Plain JavaScript, no dependencies:
// this runs on every start, before anything else is loaded.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Written by bin/build-dist.js before tsc reads src/: its mtime is the time the build started. */
export const BUILD_STAMP = '.built';

/**
 * `{ fresh: true }` when dist/ was built from the src/ that is there now, else the reason it is not.
 * Folders count too: adding, deleting or renaming a file changes its folder's mtime.
 */
export function distFreshness(root) {
  // An installed copy (node_modules/headroom, from a tarball or git) is never edited, and its mtimes say nothing:
  // `npm pack` stamps every file with the same date, so src/ would look as new as the build. It runs the dist/
  // it was packed with: Node will not strip types from .ts under node_modules, and jiti would only cost time.
  if (root.split(sep).includes('node_modules') && existsSync(join(root, 'dist', 'cli', 'main.js')))
    return { fresh: true };
  let builtAt;
  try {
    builtAt = statSync(join(root, 'dist', BUILD_STAMP)).mtimeMs;
  } catch {
    return { fresh: false, reason: 'dist/ is not built (npm run build)' };
  }
  const changed = newerThan(join(root, 'src'), builtAt);
  return changed
    ? { fresh: false, reason: `${relative(root, changed)} changed after dist/ was built` }
    : { fresh: true };
}

/**
 * The first file or folder under `dir` (itself included) modified at or after `time`, or undefined. "At": file
 * system clocks tick in milliseconds, so an edit in the build's first tick may not have been compiled.
 */
function newerThan(dir, time) {
  if (statSync(dir).mtimeMs >= time) return dir;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const changed = entry.isDirectory() ? newerThan(path, time) : statSync(path).mtimeMs >= time ? path : undefined;
    if (changed) return changed;
  }
  return undefined;
}
