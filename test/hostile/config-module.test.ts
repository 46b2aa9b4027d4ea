// Hostile input: headroom.config.ts as a module. The config is code headroom runs; whatever it does while loading,
// headroom exits 2 naming the file (and the line and column where they can be known), prints no stack trace, writes
// nothing, and never lets the config decide the exit code or what goes to stdout.
import { readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/output/list-files.ts';
import { gitProject } from '../diff/git-project.ts';
import { expectRefused, generatedProject, type HostileProject } from '../helpers/hostile.ts';
import { runCli, spawnCli } from '../helpers/run-cli.ts';

const CONFIG = 'headroom.config.ts';
const IMPORT_LINE = "import { defineConfig } from 'headroom';";

let project: HostileProject;
let original: string;
/** Files a case adds beside the config, removed after it. */
const added: string[] = [];

beforeAll(async () => {
  project = await generatedProject();
  original = project.read(CONFIG);
});

afterEach(() => {
  project.write(CONFIG, original);
  for (const path of added.splice(0)) rmSync(join(project.dir, path), { recursive: true, force: true });
});

/** The example config with `from` replaced by `to`; fails loudly if the example no longer has `from`. */
function edited(from: string, to: string): string {
  expect(original).toContain(from);
  return original.replace(from, to);
}

function addFile(path: string, content: string): void {
  added.push(path);
  project.write(path, content);
}

let outputs = 0;

/**
 * What `generate` writes with these arguments, into a fresh folder. Accepted cases compare two of these made in the
 * same test, not the generated/ of beforeAll: the code may change between (the CLI runs src/ as it is).
 */
async function outputOf(args: string[]): Promise<Record<string, string>> {
  const out = `out-${++outputs}`;
  added.push(out);
  const result = await runCli(['generate', ...args, '--out', out], project.dir);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toBe('');
  const dir = join(project.dir, out);
  return Object.fromEntries(listFiles(dir).map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
}

function addLink(path: string, target: string): void {
  added.push(path);
  symlinkSync(target, join(project.dir, path));
}

describe('what the config file says', () => {
  it('a TypeScript syntax error (a doubled comma): the parser message at its line and column', async () => {
    project.write(CONFIG, edited("defaultTeam: 'platform',", "defaultTeam: 'platform',,"));
    await expectRefused(
      project,
      ['generate'],
      'headroom.config.ts:5:27: cannot load the config: Property assignment expected.',
    );
  });

  it('an unterminated string: the line and column where the parser gave up', async () => {
    project.write(CONFIG, edited("defaultTeam: 'platform',", "defaultTeam: 'platform,"));
    await expectRefused(project, ['generate'], /^headroom\.config\.ts:5:\d+: cannot load the config: /m);
  });

  it(
    'a type error that still runs (threshold as the string "0.9"): ' +
      'the schema names the key at its line and column',
    async () => {
      project.write(CONFIG, edited('threshold: 0.85', "threshold: '0.9'"));
      await expectRefused(
        project,
        ['check'],
        /headroom\.config\.ts:7:33: alerts\.containerMemoryNearLimit\.threshold: must be a number/,
      );
    },
  );

  it(
    'a byte order mark and CRLF line endings: a syntax error and a schema error are still at the right line and ' +
      'column',
    async () => {
      const crlf = (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`;
      project.write(CONFIG, crlf(edited("defaultTeam: 'platform',", "defaultTeam: 'platform',,")));
      await expectRefused(
        project,
        ['generate'],
        'headroom.config.ts:5:27: cannot load the config: Property assignment expected.',
      );
      // On line 1 the mark is not a column: `const a = ;` is missing its expression at column 11, not 12.
      project.write(CONFIG, crlf(`const a = ;\n${original}`));
      await expectRefused(
        project,
        ['generate'],
        'headroom.config.ts:1:11: cannot load the config: Expression expected.',
      );
      project.write(CONFIG, crlf(edited('threshold: 0.85', "threshold: '0.9'")));
      await expectRefused(
        project,
        ['generate'],
        /headroom\.config\.ts:7:33: alerts\.containerMemoryNearLimit\.threshold: must be a number/,
      );
      // And a BOM with CRLF is no error in itself: the same output as the plain file.
      project.write(CONFIG, original);
      const plain = await outputOf([]);
      project.write(CONFIG, crlf(original));
      expect(await outputOf([])).toEqual(plain);
    },
  );
});

describe('what the config does when it runs', () => {
  it('throws at import: the thrown message at the statement that threw, no stack trace', async () => {
    project.write(CONFIG, edited(IMPORT_LINE, `${IMPORT_LINE}\n\n    throw new Error('boom');`));
    const result = await expectRefused(
      project,
      ['generate'],
      'headroom.config.ts:4:5: cannot load the config: it threw Error: boom',
    );
    expect(result.stderr).not.toContain('jiti');
  });

  it(
    'a getter that throws (get links() { throw … }): exit 2 at the line that threw, as for a throw at import, for ' +
      'check too',
    async () => {
      const links = "  links: { grafanaUrl: 'https://grafana.test', runbookUrlPattern: 'https://runbooks.test/%s' },";
      project.write(CONFIG, edited(links, "  get links(): never {\n    throw new Error('no links today');\n  },"));
      for (const command of ['generate', 'check', 'validate']) {
        await expectRefused(
          project,
          [command],
          'headroom.config.ts:13:5: cannot load the config: it threw Error: no links today',
        );
      }
    },
  );

  it(
    'a getter that calls process.exit(0) (in an inline team): refused like the call at top level, so check cannot ' +
      'pass',
    async () => {
      const teams =
        "teams: [{ name: 'platform', namespaces: ['kube-system'], labels: { pager: 'platform-primary' } }],";
      project.write(
        CONFIG,
        edited(teams, "teams: [{ name: 'platform', get namespaces() { return process.exit(0); } }],"),
      );
      await expectRefused(
        project,
        ['check'],
        'headroom.config.ts:11:3: cannot load the config: the config called process.exit(0) while loading',
      );
    },
  );

  it('a Proxy as the settings whose traps throw: refused at the trap, no stack trace', async () => {
    project.write(
      CONFIG,
      `${original.replace('export default defineConfig(', 'const settings = (')}\nexport default new Proxy(settings, ` +
        `{\n  ownKeys() {\n    throw new RangeError('no keys');\n  },\n});\n`,
    );
    await expectRefused(
      project,
      ['check'],
      /headroom\.config\.ts:\d+:5: cannot load the config: it threw RangeError: no keys/,
    );
  });

  it(
    'throws above its imports (the transform moves the import first): ' + 'the file without a position it cannot know',
    async () => {
      project.write(CONFIG, `throw new TypeError('early');\n${original}`);
      const result = await expectRefused(
        project,
        ['generate'],
        'headroom.config.ts: cannot load the config: it threw TypeError: early',
      );
      expect(result.stderr).not.toMatch(/headroom\.config\.ts:\d/);
    },
  );

  it(
    'throws a 10,000-character message full of escape codes: one line of at most 80 characters of it, escapes not ' +
      'echoed',
    async () => {
      project.write(
        CONFIG,
        edited(IMPORT_LINE, `${IMPORT_LINE}\nthrow new Error('\\u001b[31m' + 'x'.repeat(10000) + '\\nsecond line');`),
      );
      const result = await expectRefused(
        project,
        ['generate'],
        /headroom\.config\.ts:3:1: cannot load the config: it threw .*…$/m,
      );
      expect(result.stderr).not.toContain('x'.repeat(81));
      expect(result.stderr).not.toContain('\u001b');
      expect(result.stderr).not.toContain('second line');
    },
  );

  it('has no default export: says to export default defineConfig({...}), not "defaultTeam is required"', async () => {
    project.write(CONFIG, edited('export default defineConfig(', 'export const config = defineConfig('));
    const result = await expectRefused(
      project,
      ['generate'],
      'headroom.config.ts: must have a default export: export default defineConfig({...})',
    );
    expect(result.stderr).not.toContain('defaultTeam');
  });

  it('exports a function: says to export the settings object, not "got function undefined"', async () => {
    project.write(CONFIG, edited('export default defineConfig(', 'export default () => ('));
    const result = await expectRefused(
      project,
      ['generate'],
      'headroom.config.ts:4:16: the default export is a function; export the settings object itself: export default ' +
        'defineConfig({...})',
    );
    expect(result.stderr).not.toContain('undefined');
  });

  it('exports an async function: the same refusal (headroom does not call it)', async () => {
    project.write(CONFIG, edited('export default defineConfig(', 'export default async () => ('));
    await expectRefused(project, ['check'], 'headroom.config.ts:4:16: the default export is a function');
  });

  it('exports a promise of the settings: accepted, awaited, the same output as the plain object', async () => {
    const plain = await outputOf([]);
    project.write(
      CONFIG,
      edited('export default defineConfig(', 'export default Promise.resolve().then(() => (').replace(
        /\}\);\s*$/,
        '}));\n',
      ),
    );
    expect(await outputOf([])).toEqual(plain);
  });

  it('exports a promise that rejects: refused with its message', async () => {
    project.write(
      CONFIG,
      edited(
        'export default defineConfig(',
        "export default Promise.reject(new Error('lookup failed')).then(() => (",
      ).replace(/\}\);\s*$/, '}));\n'),
    );
    await expectRefused(
      project,
      ['generate'],
      /headroom\.config\.ts(:\d+:\d+)?: cannot load the config: it threw Error: lookup failed/,
    );
  });

  it('exports null', async () => {
    project.write(CONFIG, 'export default null;\n');
    await expectRefused(
      project,
      ['generate'],
      'headroom.config.ts:1:16: the default export must be the settings object (export default defineConfig({...})), ' +
        'got null',
    );
  });

  it('exports an array', async () => {
    project.write(CONFIG, "export default [{ defaultTeam: 'platform' }];\n");
    await expectRefused(
      project,
      ['generate'],
      'headroom.config.ts:1:16: the default export must be the settings object (export default defineConfig({...})), ' +
        'got an array',
    );
  });

  it('exports a string of 200 characters: named, capped', async () => {
    project.write(CONFIG, `export default '${'y'.repeat(200)}';\n`);
    const result = await expectRefused(
      project,
      ['generate'],
      /headroom\.config\.ts:1:16: the default export must be the settings object \(.*\), got the string "y+…"$/m,
    );
    expect(result.stderr).not.toContain('y'.repeat(41));
  });

  it('imports a missing package: names the module at its import', async () => {
    project.write(
      CONFIG,
      `import extra from 'nope';\n${edited("defaultTeam: 'platform',", "defaultTeam: 'platform', ...extra,")}`,
    );
    await expectRefused(
      project,
      ['generate'],
      "headroom.config.ts:1:19: cannot load the config: cannot find module 'nope'",
    );
  });

  it('imports defineConfig from a relative path that does not exist: names the path at its import', async () => {
    project.write(CONFIG, edited(IMPORT_LINE, "import { defineConfig } from '../lib/headroom';"));
    const result = await expectRefused(
      project,
      ['generate'],
      "headroom.config.ts:2:30: cannot load the config: cannot find module '../lib/headroom'",
    );
    expect(result.stderr, 'no require stack').not.toContain('Require stack');
  });

  it(
    'calls process.exit(0) at top level: ' + '`check` and `generate` refuse, exit 2, naming the file and line',
    async () => {
      project.write(CONFIG, `${original}process.exit(0);\n`);
      const line = original.split('\n').length;
      for (const command of ['check', 'generate']) {
        await expectRefused(
          project,
          [command],
          `headroom.config.ts:${line}:1: cannot load the config: the config called process.exit(0) while loading`,
        );
      }
    },
  );

  it('calls process.exit(0) inside a try/catch that swallows the refusal: still refused', async () => {
    project.write(CONFIG, `${original}try { process.exit(0); } catch {}\n`);
    await expectRefused(project, ['check'], 'the config called process.exit(0) while loading');
  });

  it(
    'awaits forever at top level: ' + 'refused after HEADROOM_CONFIG_TIMEOUT_MS, not a hang nor a silent exit 13',
    async () => {
      project.write(CONFIG, edited(IMPORT_LINE, `${IMPORT_LINE}\nawait new Promise(() => {});`));
      process.env.HEADROOM_CONFIG_TIMEOUT_MS = '300';
      try {
        await expectRefused(
          project,
          ['check'],
          'headroom.config.ts: cannot load the config: the config did not finish loading within 0.3 s',
          'HEADROOM_CONFIG_TIMEOUT_MS',
        );
        process.env.HEADROOM_CONFIG_TIMEOUT_MS = 'soon';
        await expectRefused(
          project,
          ['check'],
          'HEADROOM_CONFIG_TIMEOUT_MS: must be a positive number of milliseconds, got "soon"',
        );
      } finally {
        delete process.env.HEADROOM_CONFIG_TIMEOUT_MS;
      }
      // A top-level await that settles loads under the default limit.
      project.write(CONFIG, edited(IMPORT_LINE, `${IMPORT_LINE}\nawait new Promise((done) => setTimeout(done, 20));`));
      expect((await runCli(['validate'], project.dir)).code).toBe(0);
    },
  );

  // A real process: what is at stake is the process's own stdout and stderr, which a run in this one does not own.
  it("prints with console.log: the text goes to stderr; stdout holds only headroom's summary", {
    tags: ['spawns'],
  }, () => {
    project.write(
      CONFIG,
      `${original}console.log('hi from the config');\nconsole.info('info');\nprocess.stdout.write('raw\\n');\n`,
    );
    added.push('out-chatty');
    const result = spawnCli(['generate', '--out', 'out-chatty'], project.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^headroom: wrote [^\n]*\n$/);
    expect(result.stderr).toBe('hi from the config\ninfo\nraw\n');
  });
});

describe('which file --config names', () => {
  it('a .mjs config (plain JavaScript, jiti runs it): accepted, the same output as the .ts one', async () => {
    addFile('headroom.config.mjs', original);
    expect(await outputOf(['--config', 'headroom.config.mjs'])).toEqual(await outputOf([]));
  });

  it('a YAML team file passed as the config: refused by its extension before anything runs', async () => {
    await expectRefused(
      project,
      ['generate', '--config', 'teams/payments.yaml'],
      'teams/payments.yaml: is not a TypeScript or JavaScript file (.ts, .mts, .cts, .js, .mjs, .cjs)',
    );
  });

  it('a folder (--config teams): refused, no raw EISDIR', async () => {
    const result = await expectRefused(
      project,
      ['generate', '--config', 'teams'],
      'teams: is a folder, not a config file (pass --config path/to/headroom.config.ts)',
    );
    expect(result.stderr).not.toContain('EISDIR');
  });

  it('a symlink to a folder named like a config: refused as a folder', async () => {
    addLink('folder.config.ts', 'teams');
    await expectRefused(
      project,
      ['generate', '--config', 'folder.config.ts'],
      'folder.config.ts: is a folder, not a config file',
    );
  });

  it('a dangling symlink: not found', async () => {
    addLink('gone.config.ts', 'nowhere.config.ts');
    await expectRefused(project, ['generate', '--config', 'gone.config.ts'], 'gone.config.ts: config file not found');
  });

  it('a device (/dev/null): refused without reading it', async () => {
    await expectRefused(project, ['generate', '--config', '/dev/null'], '/dev/null: is not a regular file');
  });

  it('a symlink to the config beside it: followed (documented accept), the same output', async () => {
    addLink('link.config.ts', CONFIG);
    expect(await outputOf(['--config', 'link.config.ts'])).toEqual(await outputOf([]));
  });
});

describe('console.log in the config and `diff --format json`', () => {
  const repo = gitProject();
  afterAll(() => rmSync(repo.dir, { recursive: true, force: true }));

  // A real process, as above.
  it("stdout is still one JSON document; the config's output is on stderr", { tags: ['spawns'] }, () => {
    // Committed, so both the base ref's config and the work tree's print while loading.
    repo.edit(CONFIG, IMPORT_LINE, `${IMPORT_LINE}\nconsole.log('loading the config');\nconsole.warn('careful');`);
    repo.commit('a chatty config');
    repo.edit('teams/payments.yaml', '{ threshold: 0.9, for: 10m }', '{ threshold: 0.95, for: 10m }');
    const result = spawnCli(['diff', '--base', 'main', '--format', 'json'], repo.dir);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as unknown;
    expect(report).toBeTypeOf('object');
    expect(result.stdout).not.toContain('loading the config');
    expect(result.stderr.match(/loading the config/g)).toHaveLength(2);
  });
});
