#!/usr/bin/env node
// The `headroom` command. Runs dist/ (compiled by `npm run build`, which `npm ci` runs as `prepare`) when it was
// built after the last change under src/; otherwise src/ itself through jiti, so an edit is never run stale. An
// installed copy (node_modules/headroom) runs its packed dist/ (see bin/dist-freshness.js).
// HEADROOM_TRACE_LOADER=1 prints which one ran, on stderr; HEADROOM_FROM_SRC=1 runs src/ whatever dist/ is.
import { fileURLToPath } from 'node:url';
import { distFreshness } from './dist-freshness.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const freshness = process.env.HEADROOM_FROM_SRC
  ? { fresh: false, reason: 'HEADROOM_FROM_SRC is set' }
  : distFreshness(root);
if (process.env.HEADROOM_TRACE_LOADER) {
  console.error(
    freshness.fresh ? 'headroom: running dist/' : `headroom: running src/ through jiti: ${freshness.reason}`,
  );
}
const { main } = freshness.fresh ? await import('../dist/cli/main.js') : await importSource();
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});

async function importSource() {
  const { createJiti } = await import('jiti');
  return createJiti(import.meta.url).import('../src/cli/main.ts');
}
