#!/usr/bin/env node
// `npm run build` (and `prepare`, so `npm ci` runs it): compiles src/ to dist/ with tsc. A stamp file written
// just before tsc reads src/ carries the build's start time, so bin/headroom.js runs dist/ only while no file
// under src/ is as new as that; an edit made during the build leaves dist/ stale, as it should.
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
writeFileSync(join(staging, BUILD_STAMP), 'dist/ is used while no file under src/ is as new as this file (see bin/dist-freshness.js)\n');
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', staging], { stdio: 'inherit' });
if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error('headroom build: tsc failed; bin/headroom.js runs src/ through jiti until the next successful build');
  process.exit(result.status ?? 1);
}
rmSync(join(root, 'dist'), { recursive: true, force: true });
renameSync(staging, join(root, 'dist'));
