// A GitOps repo that installs headroom as a dependency (from a git URL or a tarball, as the README says) runs it
// with `npx headroom` and gets editor types for `import { defineConfig } from 'headroom'`. Proven on the real
// layout, without network: `npm pack` of a copy of this checkout (which runs `prepare`, the build, as a git
// install does), the tarball unpacked into a consumer's node_modules/headroom, headroom's dependencies linked from
// this repo's node_modules, and node_modules/.bin/headroom linked by npm itself (`npm rebuild`).
// `npm install --offline <tarball>` is not used: the npm cache holds the dependencies' tarballs but not their
// registry metadata, so it stops at ENOTCACHED.
// @module-tag spawns (packs and installs headroom with npm, runs the installed command)
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT } from '../helpers/paths.ts';

// `npm pack` runs `prepare`, a full tsc build with declarations: seconds on an idle machine, a minute on a busy one.
const SETUP_TIMEOUT = 180_000;
/**
 * Left out of the copy that is packed: installed or rebuilt by the pack itself (dist/), or rewritten while tests run
 * (generated/, dot-named temporary files). `files` in package.json keeps them out of the tarball anyway.
 */
const NOT_COPIED = new Set(['node_modules', 'dist', 'generated']);
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let work: string;
let consumer: string;
let packed: string[];

/**
 * The environment of a user's shell: without the npm_* variables of an enclosing `npm test` (npm_config_local_prefix
 * would point npx at this repo), and offline, so a missing local bin fails instead of fetching the registry's
 * unrelated `headroom` placeholder.
 */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')),
  );
  return { ...env, NO_COLOR: '1', npm_config_offline: 'true', npm_config_update_notifier: 'false', ...extra };
}

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: userEnv(env) });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function expectSuccess(result: Run): Run {
  expect(result.code, result.stdout + result.stderr).toBe(0);
  return result;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'headroom-dependency-'));
  const checkout = join(work, 'checkout');
  cpSync(REPO_ROOT, checkout, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (path) => {
      const top = relative(REPO_ROOT, path).split(sep)[0] ?? '';
      return !NOT_COPIED.has(top) && !top.startsWith('dist.') && !top.startsWith('.');
    },
  });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(checkout, 'node_modules'), 'dir');
  expectSuccess(run('npm', ['pack', '--pack-destination', work], checkout));
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball in ${work}`);
  packed = expectSuccess(run('tar', ['-tzf', join(work, tarball)], work))
    .stdout.trim()
    .split('\n')
    .map((path) => path.replace(/^package\//, ''));

  consumer = join(work, 'gitops-repo');
  const installed = join(consumer, 'node_modules', 'headroom');
  mkdirSync(installed, { recursive: true });
  const manifest = {
    name: 'gitops-repo',
    private: true,
    type: 'module',
    devDependencies: { headroom: `file:../${tarball}` },
  };
  writeFileSync(join(consumer, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  expectSuccess(run('tar', ['-xzf', join(work, tarball), '-C', installed, '--strip-components=1'], work));
  const { dependencies } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  for (const name of Object.keys(dependencies)) {
    const link = join(consumer, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(REPO_ROOT, 'node_modules', name), link, 'dir');
  }
  // npm links node_modules/.bin/headroom (and makes it executable) as `npm install` would.
  expectSuccess(run('npm', ['rebuild', '--ignore-scripts', 'headroom'], consumer));
  cpSync(join(FIXTURES, 'example'), consumer, { recursive: true });
  return () => rmSync(work, { recursive: true, force: true });
}, SETUP_TIMEOUT);

describe('headroom installed as a dependency (npm pack → node_modules/headroom)', () => {
  it(
    'packs the bin, the built dist/ with its declarations, src/, the schemas and the README; no tests, benchmarks ' +
      'or generated files',
    () => {
      for (const path of [
        'package.json',
        'README.md',
        'bin/headroom.js',
        'bin/dist-freshness.js',
        'dist/cli/main.js',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/config/schema.d.ts',
        'src/index.ts',
        'schemas/team.schema.json',
      ]) {
        expect(packed).toContain(path);
      }
      const tops = new Set(packed.map((path) => path.split('/')[0]));
      for (const absent of ['test', 'bench', 'scripts', 'teams', 'node_modules', 'headroom.config.ts', 'tsconfig.json'])
        expect(tops).not.toContain(absent);
    },
  );

  it(
    'packs docs/ (the alert pages are the runbooks) and jsonnet-compat/, ' +
      'which the README and docs/install.md name',
    () => {
      const inRepo = (folder: string) =>
        readdirSync(join(REPO_ROOT, folder), { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => relative(REPO_ROOT, join(entry.parentPath, entry.name)).split(sep).join('/'))
          .sort();
      expect(packed.filter((path) => path.startsWith('docs/')).sort()).toEqual(inRepo('docs'));
      expect(packed.filter((path) => path.startsWith('jsonnet-compat/')).sort()).toEqual(inRepo('jsonnet-compat'));
      expect(inRepo('docs')).toContain('docs/alerts/containeroomkilled.md');
      // The paths the docs name, as a user of the installed copy would look for them.
      const named = ['README.md', 'docs/install.md']
        .map((page) => readFileSync(join(REPO_ROOT, page), 'utf8'))
        .join('');
      for (const [name, path] of [
        ['node_modules/headroom/docs/alerts/', 'docs/alerts/containermemoryleak.md'],
        ['node_modules/headroom/jsonnet-compat/', 'jsonnet-compat/mixin.libsonnet'],
      ] as const) {
        expect(named).toContain(name);
        expect(existsSync(join(consumer, 'node_modules', 'headroom', path)), path).toBe(true);
      }
    },
  );

  it(
    '`npx headroom --version` prints the version, ' + 'running the packed dist/ (never src/*.ts under node_modules)',
    () => {
      const result = expectSuccess(
        run('npx', ['--no-install', 'headroom', '--version'], consumer, { HEADROOM_TRACE_LOADER: '1' }),
      );
      expect(result.stdout.trim()).toBe(VERSION);
      expect(result.stderr).toContain('headroom: running dist/');
    },
  );

  it(
    '`npx headroom generate` writes generated/ from a config that imports from "headroom", and `npx headroom check` ' +
      'passes',
    () => {
      expect(readFileSync(join(consumer, 'headroom.config.ts'), 'utf8')).toContain("from 'headroom'");
      const generate = expectSuccess(run('npx', ['headroom', 'generate'], consumer));
      expect(generate.stdout).toMatch(/wrote generated \(\d+ files/);
      expect(readdirSync(join(consumer, 'generated')).sort()).toEqual(
        expect.arrayContaining(['dashboards', 'kustomization.yaml', 'prometheus-rules']),
      );
      const check = expectSuccess(run('npx', ['headroom', 'check'], consumer));
      expect(check.stdout).toContain('generated is up to date');
    },
  );

  it('`npx headroom check` on a stale tree names a command that works here, and running it makes check pass', () => {
    expectSuccess(run('npx', ['headroom', 'generate'], consumer));
    const team = join(consumer, 'teams', 'payments.yaml');
    writeFileSync(team, readFileSync(team, 'utf8').replace('threshold: 0.95', 'threshold: 0.9'));
    const stale = run('npx', ['headroom', 'check'], consumer);
    expect(stale.code).toBe(1);
    const command = /Run `([^`]+)` and commit the result\./.exec(stale.stderr)?.[1];
    expect(command, stale.stderr).toBe('npx headroom generate');
    const [program, ...args] = command!.split(' ');
    expectSuccess(run(program!, args, consumer));
    expect(expectSuccess(run('npx', ['headroom', 'check'], consumer)).stdout).toContain('generated is up to date');
  });

  it('`import { defineConfig } from "headroom"` loads dist/index.js in plain Node', () => {
    const script =
      "import { defineConfig } from 'headroom'; const c = { defaultTeam: 'x' }; console.log(defineConfig(c) === c);";
    const result = expectSuccess(run(process.execPath, ['--input-type=module', '-e', script], consumer));
    expect(result.stdout.trim()).toBe('true');
  });

  it.each(['bundler', 'node16'])(
    'tsc --noEmit (moduleResolution %s) type-checks the config against the packed declarations and reports a ' +
      'misspelled key',
    (resolution) => {
      const module = resolution === 'bundler' ? 'ESNext' : 'Node16';
      const files = ['headroom.config.ts', 'typed.ts', 'misspelled.ts'];
      writeFileSync(
        join(consumer, `tsconfig.${resolution}.json`),
        JSON.stringify({
          compilerOptions: {
            module,
            moduleResolution: resolution,
            target: 'ES2022',
            strict: true,
            noEmit: true,
            skipLibCheck: true,
            types: [],
          },
          files,
        }),
      );
      writeFileSync(
        join(consumer, 'typed.ts'),
        [
          "import { defineConfig, type HeadroomConfig, type TeamConfig } from 'headroom';",
          "const team: TeamConfig = { name: 'payments', namespaces: ['payments-*'] };",
          "export const config: HeadroomConfig = defineConfig({ defaultTeam: 'platform', links: { grafanaUrl: " +
            "'https://grafana.example.com', runbookUrlPattern: 'https://runbooks.example.com/%s' }, teams: [team] });",
          '',
        ].join('\n'),
      );
      writeFileSync(
        join(consumer, 'misspelled.ts'),
        "import { defineConfig } from 'headroom';\nexport default defineConfig({ defaultTeem: 'platform', links: { " +
          "grafanaUrl: 'https://grafana.example.com', runbookUrlPattern: 'https://runbooks.example.com/%s' } });\n",
      );
      const tsc = join(consumer, 'node_modules', 'typescript', 'bin', 'tsc');
      const result = run(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`, '--pretty', 'false'], consumer);
      const errors = result.stdout.trim().split('\n').filter(Boolean);
      // Exactly one error: the misspelling. Were the types unresolved (`any`), there would be none, or a TS2307.
      expect(errors, result.stdout + result.stderr).toHaveLength(1);
      expect(errors[0]).toMatch(
        /^misspelled\.ts\(2,\d+\): error TS2561: .*'defaultTeem' does not exist.*Did you mean to write 'defaultTeam'\?/,
      );
      expect(result.code).toBe(2);
    },
  );
});
