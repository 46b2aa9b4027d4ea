#!/usr/bin/env node
// `npm run build` (and `prepare`, so `npm ci`, `npm pack` and npm's clone for a git install run it): compiles src/ to
// dist/ with tsc, with the declarations (dist/index.d.ts) that `import ... from 'headroom'` gets in a user's repo.
// A stamp file written just before tsc reads src/ carries the build's start time, so bin/headroom.js runs dist/
// only while no file under src/ is as new as that; an edit made during the build leaves dist/ stale, as it should.
// The new dist/ is compiled beside the old one and swapped in at the end: a CLI started meanwhile sees either.
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_STAMP } from './dist-freshness.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const staging = join(root, `dist.${process.pid}.tmp`);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

rmSync(staging, { recursive: true, force: true });
mkdirSync(staging);
// Stamped by the file system's clock, the one that stamps edits under src/ (not Date.now()).
writeFileSync(
  join(staging, BUILD_STAMP),
  'dist/ is used while no file under src/ is as new as this file (see bin/dist-freshness.js)\n',
);
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', staging], {
  stdio: 'inherit',
});
// tsc exits 2 when it found type errors but wrote every file. That output is what jiti would run from src/ (it
// strips types without checking them), so it is kept: type errors are `npm test`'s and `npm run typecheck`'s to
// report, and must not make `npm ci` fail half-way through a refactor.
const TYPE_ERRORS_OUTPUT_WRITTEN = 2;
if (result.status === TYPE_ERRORS_OUTPUT_WRITTEN) {
  console.error('headroom build: type errors above (npm run typecheck); dist/ written anyway, as jiti would run src/');
} else if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error('headroom build: tsc failed; bin/headroom.js runs src/ through jiti until the next successful build');
  process.exit(result.status ?? 1);
}
rmSync(join(root, 'dist'), { recursive: true, force: true });
renameSync(staging, join(root, 'dist'));
