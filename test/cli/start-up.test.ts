// bin/headroom.js runs the compiled dist/ only while it was built from the src/ that is there now; after any edit
// under src/ it runs src/ through jiti, so nobody runs stale code. Proven on a throwaway copy of the project, built
// with the real `npm run build` script (bin/build-dist.js, tsc).
// @module-tag spawns (builds dist/ with tsc and runs bin/headroom.js)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/output/list-files.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

const BUILD_TIMEOUT = 180_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** What bin/headroom.js said it ran (HEADROOM_TRACE_LOADER). */
  loader: string;
}

let project: string;

function headroom(args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [join(project, 'bin', 'headroom.js'), ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', HEADROOM_TRACE_LOADER: '1', ...env },
  });
  const loader = /^headroom: running (.*)$/m.exec(result.stderr)?.[1] ?? 'not reported';
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, loader };
}

function build(): void {
  const result = spawnSync(process.execPath, [join(project, 'bin', 'build-dist.js')], {
    cwd: project,
    encoding: 'utf8',
  });
  expect(result.status, result.stdout + result.stderr).toBe(0);
}

function tree(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(join(project, dir)).map((file) => [file, readFileSync(join(project, dir, file), 'utf8')]),
  );
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'headroom-start-up-'));
  for (const entry of [
    'bin',
    'src',
    'teams',
    'package.json',
    'tsconfig.json',
    'tsconfig.build.json',
    'headroom.config.ts',
  ]) {
    cpSync(join(REPO_ROOT, entry), join(project, entry), { recursive: true });
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
  build();
  return () => rmSync(project, { recursive: true, force: true });
}, BUILD_TIMEOUT);

describe('bin/headroom.js after `npm run build`', () => {
  it('runs dist/, which generates exactly what src/ generates', () => {
    const version = headroom(['--version']);
    expect(version.loader).toBe('dist/');
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version);

    const fromDist = headroom(['generate', '--out', 'from-dist']);
    expect(fromDist.code, fromDist.stderr).toBe(0);
    expect(fromDist.loader).toBe('dist/');
    const fromSrc = headroom(['generate', '--out', 'from-src'], { HEADROOM_FROM_SRC: '1' });
    expect(fromSrc.code, fromSrc.stderr).toBe(0);
    expect(fromSrc.loader).toBe('src/ through jiti: HEADROOM_FROM_SRC is set');
    expect(Object.keys(tree('from-dist')).length).toBeGreaterThan(0);
    expect(tree('from-dist')).toEqual(tree('from-src'));
  });

  it(
    'runs src/ through jiti as soon as a file under src/ is edited, and dist/ again after the next build',
    () => {
      const main = join(project, 'src', 'cli', 'main.ts');
      writeFileSync(
        main,
        readFileSync(main, 'utf8').replace(
          'Kubernetes memory alerts (PrometheusRule)',
          'Edited after the build: memory alerts',
        ),
      );

      const afterEdit = headroom(['--help']);
      expect(afterEdit.loader).toBe('src/ through jiti: src/cli/main.ts changed after dist/ was built');
      expect(afterEdit.stdout).toContain('Edited after the build: memory alerts');

      build();
      const afterBuild = headroom(['--help']);
      expect(afterBuild.loader).toBe('dist/');
      expect(afterBuild.stdout).toContain('Edited after the build: memory alerts');
    },
    BUILD_TIMEOUT,
  );

  it(
    'counts a file added under src/ (its folder changes), and a file stamped in the very tick the build started',
    () => {
      const added = join(project, 'src', 'model', 'added-after-build.ts');
      writeFileSync(added, 'export const added = true;\n');
      expect(headroom(['--version']).loader).toMatch(
        /^src\/ through jiti: src\/model(\/added-after-build\.ts)? changed after dist\/ was built$/,
      );
      rmSync(added);

      // The file system's clock ticks coarsely: an edit in the build's first tick may not have been compiled. The
      // stamp and one file are set to one whole second (exact in any file system), later than every other file.
      const tick = Math.ceil(Date.now() / 1000) + 60;
      utimesSync(join(project, 'dist', '.built'), tick, tick);
      expect(headroom(['--version']).loader).toBe('dist/');
      utimesSync(join(project, 'src', 'index.ts'), tick, tick);
      expect(headroom(['--version']).loader).toBe('src/ through jiti: src/index.ts changed after dist/ was built');
    },
    BUILD_TIMEOUT,
  );

  it('runs src/ through jiti when dist/ was never built', () => {
    rmSync(join(project, 'dist'), { recursive: true });
    const run = headroom(['--version']);
    expect(run.loader).toBe('src/ through jiti: dist/ is not built (npm run build)');
    expect(run.code).toBe(0);
  });
});
