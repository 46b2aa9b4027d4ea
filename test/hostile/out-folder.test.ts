// Hostile input: where the output goes (--out, output.dir, a generated/ that is a link, a folder shared by two runs).
// `generate` replaces its output folder whole, so every case below is about never replacing what headroom did not
// write, and about leaving one complete tree behind.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/output/list-files.ts';
import { expectRefused, generatedProject, type HostileProject } from '../helpers/hostile.ts';
import { CLI, REPO_ROOT } from '../helpers/paths.ts';
import { type CliResult, runCli } from '../helpers/run-cli.ts';
import { tempProject } from '../helpers/temp-project.ts';

const isRoot = process.getuid?.() === 0;

/** Every file below `dir` with its content (no mtimes): to compare two runs' trees. */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
}

/** Staging folders and locks headroom may leave beside an output folder. */
function leftovers(folder: string): string[] {
  return readdirSync(folder).filter((name) => /\.headroom-(tmp|lock)/.test(name));
}

/** The CLI under a given umask and environment (runCli passes neither). */
function runShell(
  args: string[],
  cwd: string,
  options: { umask?: string; env?: Record<string, string> } = {},
): CliResult {
  const result = spawnSync(
    'sh',
    ['-c', `umask ${options.umask ?? '022'} && exec "$0" "$@"`, process.execPath, CLI, ...args],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ...options.env },
    },
  );
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function runAsync(args: string[], cwd: string): Promise<CliResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

interface Ended extends CliResult {
  /** The signal that killed the process, when it did not exit by itself. */
  signal: NodeJS.Signals | null;
}

/** `generate` with every staging write slowed down (see slow-staging-writes.cjs), as a child the test can signal. */
function startSlowGenerate(cwd: string): { child: ReturnType<typeof spawn>; ended: Promise<Ended> } {
  return startGenerate(cwd, 'slow-staging-writes.cjs');
}

/**
 * `generate` that counts, in the file it returns, each time it finds the output folder locked by another run (see
 * count-lock-waits.cjs): a child the test can signal once it is waiting.
 */
function startLockedOutGenerate(cwd: string): {
  child: ReturnType<typeof spawn>;
  ended: Promise<Ended>;
  waits: string;
} {
  const waits = join(mkdtempSync(join(tmpdir(), 'headroom-lock-waits-')), 'waits');
  return { ...startGenerate(cwd, 'count-lock-waits.cjs', { HEADROOM_TEST_LOCK_WAITS: waits }), waits };
}

function startGenerate(
  cwd: string,
  preload: string,
  env: Record<string, string> = {},
): { child: ReturnType<typeof spawn>; ended: Promise<Ended> } {
  const child = spawn(process.execPath, ['--require', join(REPO_ROOT, 'test/helpers', preload), CLI, 'generate'], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const ended = new Promise<Ended>((done) =>
    child.on('close', (code, signal) => done({ code: code ?? -1, signal, stdout, stderr })),
  );
  return { child, ended };
}

/** How many times the run of startLockedOutGenerate has found the lock held so far. */
function lockWaits(waits: string): number {
  return existsSync(waits) ? readFileSync(waits, 'utf8').split('\n').length - 1 : 0;
}

/** Polls at 50 ms: 10 times found held is half a second of waiting, not one unlucky try. */
const WAITING = 10;

async function waitFor(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 5));
  }
}

/** A process id that is surely not running: Linux gives processes ids below pid_max only. */
function deadPid(): number {
  return Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8'));
}

describe('--out refused: folders headroom must never replace', () => {
  let project: HostileProject;
  let projectFiles: () => Record<string, string>;
  let userFiles: Record<string, string>;

  beforeAll(async () => {
    project = await generatedProject();
    projectFiles = () => ({ config: project.read('headroom.config.ts'), ...project.snapshot('teams') });
    userFiles = projectFiles();
  });

  afterEach(() => {
    expect(projectFiles(), 'the config and team files untouched').toEqual(userFiles);
    expect(leftovers(project.dir), 'no staging folder or lock left').toEqual([]);
  });

  it('--out / (the filesystem root)', async () => {
    const before = readdirSync('/');
    await expectRefused(
      project,
      ['generate', '--out', '/'],
      '/: --out: is the filesystem root',
      'will not write there',
    );
    expect(readdirSync('/')).toEqual(before);
  });

  it('--out .. and --out ../.. (folders that hold the project)', async () => {
    const parent = dirname(project.dir);
    const before = readdirSync(parent).filter((name) => name.startsWith('.'));
    await expectRefused(project, ['generate', '--out', '..'], '--out: holds the config file (headroom.config.ts)');
    // ../.. is / when the temp folder sits right under it, else a folder above the project: refused either way.
    await expectRefused(
      project,
      ['generate', '--out', '../..'],
      /--out: (is the filesystem root|holds the config file)/,
    );
    expect(readdirSync(parent).filter((name) => name.startsWith('.'))).toEqual(before);
    expect(leftovers(dirname(parent))).toEqual([]);
  });

  it('--out . (the config folder itself)', async () => {
    await expectRefused(
      project,
      ['generate', '--out', '.'],
      '.: --out: holds the config file (headroom.config.ts); headroom replaces its output folder whole',
    );
  });

  it("--out teams (a folder of the user's files)", async () => {
    await expectRefused(project, ['generate', '--out', 'teams'], 'teams: --out: is a folder headroom did not generate');
  });

  it('--out headroom.config.ts/x (a file where a parent folder should be)', async () => {
    const result = await expectRefused(
      project,
      ['generate', '--out', 'headroom.config.ts/x'],
      'headroom.config.ts/x: --out: cannot be made: headroom.config.ts is a file, not a folder',
    );
    expect(result.stderr).not.toContain('EEXIST');
  });

  it("--out '' (an empty value, as from an unset shell variable)", async () => {
    await expectRefused(
      project,
      ['generate', '--out', ''],
      "option '-o, --out <dir>' argument '' is invalid. it is empty: name a folder, or leave --out out",
    );
    await expectRefused(project, ['check', '--out', '  '], 'it is empty');
  });

  it('--out at a dangling symlink (generate and check)', async () => {
    symlinkSync('no-such-folder', join(project.dir, 'dangling'));
    try {
      for (const command of ['generate', 'check']) {
        const result = await expectRefused(
          project,
          [command, '--out', 'dangling'],
          'dangling: --out: is a link to no-such-folder, which does not exist: create that folder',
        );
        expect(result.stderr).not.toContain('ENOTDIR');
      }
      expect(readlinkSync(join(project.dir, 'dangling'))).toBe('no-such-folder');
      expect(existsSync(join(project.dir, 'no-such-folder'))).toBe(false);
    } finally {
      rmSync(join(project.dir, 'dangling'));
    }
  });

  it('--out at a symlink that loops', async () => {
    symlinkSync('loop', join(project.dir, 'loop'));
    try {
      await expectRefused(project, ['generate', '--out', 'loop'], 'loop: --out: is a link that leads back to itself');
    } finally {
      rmSync(join(project.dir, 'loop'));
    }
  });

  // A stand-in for /etc: the same path through the code, without betting a real system folder on it.
  it('--out at a symlink to a folder headroom did not generate (like /etc)', async () => {
    const etc = mkdtempSync(join(tmpdir(), 'headroom-etc-'));
    writeFileSync(join(etc, 'passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
    symlinkSync(etc, join(project.dir, 'etc-link'));
    try {
      const result = await expectRefused(
        project,
        ['generate', '--out', 'etc-link'],
        `etc-link: --out: (a link to ${etc}) is a folder headroom did not generate`,
      );
      expect(result.stderr).not.toContain('root:x:0:0');
      expect(readdirSync(etc)).toEqual(['passwd']);
      expect(leftovers(dirname(etc))).toEqual([]);
    } finally {
      rmSync(join(project.dir, 'etc-link'));
    }
  });

  it('--out at a symlink to the home folder', { tags: ['spawns'] }, () => {
    const home = mkdtempSync(join(tmpdir(), 'headroom-home-'));
    writeFileSync(join(home, '.bashrc'), 'export PATH\n');
    symlinkSync(home, join(project.dir, 'home-link'));
    try {
      const result = runShell(['generate', '--out', 'home-link'], project.dir, { env: { HOME: home } });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(`home-link: --out: (a link to ${home}) is the home folder`);
      expect(readdirSync(home)).toEqual(['.bashrc']);
      expect(project.snapshot('generated')).toEqual(project.before);
    } finally {
      rmSync(join(project.dir, 'home-link'));
    }
  });

  it('a README someone added to generated/ (and a hand-made dashboard): refused, not deleted', async () => {
    // Decision: generate refuses rather than delete a file it did not write; it names the file. Files headroom
    // wrote (the notice in their first lines, or JSON its mixin index imports) are still replaced, stale ones removed.
    project.write('generated/README.md', '# Our alerts\n');
    project.write('generated/dashboards/ours.json', '{"title": "ours"}\n');
    project.before = project.snapshot('generated');
    try {
      await expectRefused(
        project,
        ['generate'],
        'generated: output.dir: holds 2 files headroom did not write (README.md, dashboards/ours.json)',
        'will not delete them',
      );
      expect(project.read('generated/README.md')).toBe('# Our alerts\n');
    } finally {
      rmSync(join(project.dir, 'generated/README.md'));
      rmSync(join(project.dir, 'generated/dashboards/ours.json'));
      project.before = project.snapshot('generated');
    }
  });

  it('check --out at a file, and at a folder that does not exist', async () => {
    const atFile = await expectRefused(
      project,
      ['check', '--out', 'headroom.config.ts'],
      'headroom.config.ts: --out: is a file, not a folder',
    );
    expect(atFile.stderr).not.toContain('ENOTDIR');
    const missing = await runCli(['check', '--out', 'not-generated-yet'], project.dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      'headroom: not-generated-yet does not exist: run `npx headroom generate --out not-generated-yet` first',
    );
    expect(missing.stderr).not.toContain('missing:');
    expect(existsSync(join(project.dir, 'not-generated-yet'))).toBe(false);
  });
});

describe('output.dir and --out around a config in a subfolder', () => {
  it('--out at the config file\'s folder when generated/ is elsewhere, and output.dir: "."', async () => {
    const project = tempProject('example');
    mkdirSync(join(project.dir, 'conf'));
    renameSync(join(project.dir, 'teams'), join(project.dir, 'conf/teams'));
    const config = project.read('headroom.config.ts').replace('output: {', "output: { dir: '../generated',");
    expect(config).toContain("dir: '../generated'");
    writeFileSync(join(project.dir, 'conf/headroom.config.ts'), config);
    rmSync(join(project.dir, 'headroom.config.ts'));
    const generated = await runCli(['generate', '-c', 'conf/headroom.config.ts'], project.dir);
    expect(generated.code, generated.stderr).toBe(0);
    const hostile = { ...project, before: project.snapshot('generated') };

    await expectRefused(
      hostile,
      ['generate', '-c', 'conf/headroom.config.ts', '--out', 'conf'],
      'conf: --out: holds the config file (conf/headroom.config.ts)',
    );
    await expectRefused(
      hostile,
      ['generate', '-c', 'conf/headroom.config.ts', '--out', '.'],
      '.: --out: holds the config file (conf/headroom.config.ts)',
    );
    writeFileSync(join(project.dir, 'conf/headroom.config.ts'), config.replace("dir: '../generated'", "dir: '.'"));
    await expectRefused(
      hostile,
      ['generate', '-c', 'conf/headroom.config.ts'],
      'conf: output.dir: holds the config file (conf/headroom.config.ts)',
    );
    expect(readdirSync(join(project.dir, 'conf')).sort()).toEqual(['headroom.config.ts', 'teams']);
  });
});

describe('--out accepted: written where named, as a plain mkdir would', () => {
  it('--out generated/ and --out ./generated/./ write generated/ itself', async () => {
    const project = await generatedProject();
    const first = contents(join(project.dir, 'generated'));
    for (const spelling of ['generated/', './generated/./']) {
      const result = await runCli(['generate', '--out', spelling], project.dir);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('headroom: wrote generated (');
      expect(contents(join(project.dir, 'generated'))).toEqual(first);
      expect(readdirSync(project.dir).sort()).toEqual(['generated', 'headroom.config.ts', 'teams']);
    }
  });

  it("folder and file modes follow the umask (0755/0644 under 022, 0750/0640 under 027), not mkdtemp's 0700", {
    tags: ['spawns'],
  }, () => {
    const project = tempProject('example');
    for (const [umask, folderMode, fileMode] of [
      ['022', 0o755, 0o644],
      ['027', 0o750, 0o640],
    ] as const) {
      // The second run replaces an existing generated/: the replacement gets the new umask's modes too.
      const result = runShell(['generate'], project.dir, { umask });
      expect(result.code, result.stderr).toBe(0);
      const root = join(project.dir, 'generated');
      expect(statSync(root).mode & 0o777, `generated/ under umask ${umask}`).toBe(folderMode);
      const files = listFiles(root);
      expect(files.length).toBeGreaterThan(5);
      for (const file of files) {
        expect(statSync(join(root, file)).mode & 0o777, file).toBe(fileMode);
        expect(statSync(dirname(join(root, file))).mode & 0o777, dirname(file)).toBe(folderMode);
      }
    }
  });

  it(
    'generated/ is a symlink to a folder headroom generated: ' + 'the link stays, its target gets the fresh tree',
    async () => {
      const project = tempProject('example');
      expect((await runCli(['generate', '--out', 'shared/rules'], project.dir)).code).toBe(0);
      symlinkSync('shared/rules', join(project.dir, 'generated'));
      project.edit('teams/payments.yaml', 'threshold: 0.95', 'threshold: 0.9');
      const result = await runCli(['generate'], project.dir);
      expect(result.code, result.stderr).toBe(0);

      expect(lstatSync(join(project.dir, 'generated')).isSymbolicLink()).toBe(true);
      expect(readlinkSync(join(project.dir, 'generated'))).toBe('shared/rules');
      expect((await runCli(['generate', '--out', 'fresh'], project.dir)).code).toBe(0);
      expect(contents(join(project.dir, 'shared/rules'))).toEqual(contents(join(project.dir, 'fresh')));
      expect(readFileSync(join(project.dir, 'generated/prometheus-rules/headroom-teams.yaml'), 'utf8')).toContain(
        '0.9',
      );
      expect(leftovers(project.dir)).toEqual([]);
      expect(leftovers(join(project.dir, 'shared'))).toEqual([]);
      expect((await runCli(['check'], project.dir)).code).toBe(0);
    },
  );

  it('a read-only parent folder (0555)', async () => {
    const project = tempProject('example');
    const readOnly = join(project.dir, 'read-only');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    try {
      const result = await runCli(['generate', '--out', 'read-only/generated'], project.dir);
      if (isRoot) {
        // root writes through 0555: what root sees is a normal, complete generate, and the parent's mode kept.
        expect(result.code, result.stderr).toBe(0);
        expect(readdirSync(readOnly)).toEqual(['generated']);
        expect(existsSync(join(readOnly, 'generated/headroom-settings.yaml'))).toBe(true);
      } else {
        expect(result.code, result.stderr).toBe(2);
        expect(result.stderr).toContain('read-only/generated: --out: cannot be written:');
        expect(result.stderr).toContain('is not writable (EACCES); nothing was changed');
        expect(readdirSync(readOnly)).toEqual([]);
      }
      expect(statSync(readOnly).mode & 0o777).toBe(0o555);
    } finally {
      chmodSync(readOnly, 0o755);
    }
  });
});

/** Whether this process may make a read-only bind mount in a mount namespace of its own (root, or CAP_SYS_ADMIN). */
const canMountReadOnly =
  spawnSync('unshare', ['-m', 'sh', '-c', 'mount --bind / /mnt && mount -o remount,bind,ro /mnt'], { stdio: 'ignore' })
    .status === 0;
/** As root, a run as `nobody` (uid 65534) is what sees 0555 refuse a write; `setpriv` switches to it. */
const canDropToNobody =
  isRoot &&
  spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true'], { stdio: 'ignore' }).status === 0;

describe('--out below a folder that refuses writes: said plainly, exit 2, nothing written', () => {
  it.skipIf(!canMountReadOnly)(
    'a missing folder below a read-only file system (--out ro/x/generated): EROFS, not ENOENT',
    { tags: ['spawns'] },
    () => {
      const project = tempProject('example');
      mkdirSync(join(project.dir, 'ro'));
      // The project folder seen read-only in a mount namespace of the run's own: nothing outside the test changes.
      const script = 'mount --bind ro ro && mount -o remount,bind,ro ro && exec "$0" "$@"';
      const run = spawnSync(
        'unshare',
        ['-m', 'sh', '-c', script, process.execPath, CLI, 'generate', '--out', 'ro/x/generated'],
        {
          cwd: project.dir,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
        },
      );
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toContain(
        'ro/x/generated: --out: cannot be written: ro is on a read-only file system (EROFS); nothing was changed',
      );
      expect(run.stderr).not.toContain('ENOENT');
      expect(readdirSync(join(project.dir, 'ro'))).toEqual([]);
    },
  );

  it.skipIf(isRoot && !canDropToNobody)(
    'a missing folder below a 0555 folder, as a user other than root: names the 0555 folder, not the one it could ' +
      'not make',
    { tags: ['spawns'] },
    () => {
      const project = tempProject('example');
      const readOnly = join(project.dir, 'read-only');
      mkdirSync(readOnly);
      chmodSync(readOnly, 0o555);
      chmodSync(project.dir, 0o777); // mkdtemp's 0700 would keep nobody out of the project altogether
      try {
        const asUser = isRoot
          ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath]
          : [process.execPath];
        const run = spawnSync(asUser[0]!, [...asUser.slice(1), CLI, 'generate', '--out', 'read-only/sub/generated'], {
          cwd: project.dir,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1', HOME: tmpdir() },
        });
        expect(run.status, run.stderr).toBe(2);
        expect(run.stderr).toContain(
          'read-only/sub/generated: --out: cannot be written: read-only is not writable (EACCES); nothing was changed',
        );
        expect(readdirSync(readOnly)).toEqual([]);
      } finally {
        chmodSync(readOnly, 0o755);
      }
    },
  );
});

describe("runs that meet: a killed run's leftovers, two runs at once", () => {
  it('staging folders and a lock left by a killed run are removed, never shipped', async () => {
    const project = await generatedProject();
    const expected = contents(join(project.dir, 'generated'));
    const stale = join(project.dir, '.generated.headroom-tmp-killed1');
    mkdirSync(join(stale, 'prometheus-rules'), { recursive: true });
    writeFileSync(join(stale, 'prometheus-rules/half-written.yaml'), 'groups: [\n');
    mkdirSync(join(project.dir, '.generated.headroom-tmp-killed2-previous'));
    writeFileSync(join(project.dir, '.generated.headroom-lock'), `${deadPid()}\n`);

    const result = await runCli(['generate'], project.dir);
    expect(result.code, result.stderr).toBe(0);
    expect(leftovers(project.dir)).toEqual([]);
    expect(contents(join(project.dir, 'generated'))).toEqual(expected);
    expect(readFileSync(join(project.dir, 'generated/kustomization.yaml'), 'utf8')).not.toContain('half-written');
    expect((await runCli(['check'], project.dir)).code).toBe(0);
  });

  it('a run that finds the folder locked by a live run waits for it, then writes', { tags: ['spawns'] }, async () => {
    const project = tempProject('example');
    const lock = join(project.dir, '.generated.headroom-lock');
    writeFileSync(lock, `${process.pid}\n`); // this test process: alive, as a run in the middle of writing is
    const { ended, waits } = startLockedOutGenerate(project.dir);
    // The run has loaded the config, reached the lock and kept finding it held (well inside its 60 s wait).
    await waitFor('the run to wait for the lock', () => lockWaits(waits) >= WAITING);
    expect(existsSync(join(project.dir, 'generated')), 'nothing written while the lock is held').toBe(false);
    expect(readdirSync(project.dir).filter((name) => name.includes('headroom-tmp'))).toEqual([]);
    rmSync(lock);
    const result = await ended;
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(project.dir, 'generated/headroom-settings.yaml'))).toBe(true);
    expect(leftovers(project.dir)).toEqual([]);
  });

  it('two generate runs into the same folder at once end with one complete tree', { tags: ['spawns'] }, async () => {
    const project = tempProject('example');
    expect((await runCli(['generate', '--out', 'reference'], project.dir)).code).toBe(0);
    const results = await Promise.all([
      runAsync(['generate'], project.dir),
      runAsync(['generate'], project.dir),
      runAsync(['generate'], project.dir),
    ]);
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    expect(contents(join(project.dir, 'generated'))).toEqual(contents(join(project.dir, 'reference')));
    expect(leftovers(project.dir)).toEqual([]);
  });
});

describe('signals: a run stopped by Ctrl-C or SIGTERM leaves nothing behind', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    '%s while generate writes the staging folder: staging and lock removed, generated/ as it was, exit %i',
    { tags: ['spawns'] },
    async (signal, exitCode) => {
      const project = await generatedProject();
      project.edit('teams/payments.yaml', 'threshold: 0.95', 'threshold: 0.9');
      const { child, ended } = startSlowGenerate(project.dir);
      const staging = () => readdirSync(project.dir).find((name) => name.includes('.headroom-tmp-'));
      // A few files in: the run is in the middle of writing, holding the lock.
      await waitFor('the staging folder to fill', () => {
        const folder = staging();
        return folder !== undefined && listFiles(join(project.dir, folder)).length >= 2;
      });
      expect(existsSync(join(project.dir, '.generated.headroom-lock'))).toBe(true);
      child.kill(signal);
      const result = await ended;
      expect(leftovers(project.dir)).toEqual([]);
      expect(project.snapshot('generated')).toEqual(project.before);
      expect(result.signal, 'exited by itself, not killed').toBeNull();
      expect(result.code, result.stderr).toBe(exitCode);
      expect(result.stderr).toContain(`headroom: stopped by ${signal}: generated was left as it was, nothing written`);
      expect(result.stdout).toBe('');
      expect(
        (await runCli(['check'], project.dir)).code,
        'the old tree is still stale against the edited team file',
      ).toBe(1);
    },
  );

  it("SIGINT while generate waits for another run's lock: exit 130, that lock left alone, nothing written", {
    tags: ['spawns'],
  }, async () => {
    const project = tempProject('example');
    const lock = join(project.dir, '.generated.headroom-lock');
    writeFileSync(lock, `${process.pid}\n`); // held by this test process: alive, as a run in the middle of writing is
    const { child, ended, waits } = startLockedOutGenerate(project.dir);
    // Waiting for the lock, as in the test above.
    await waitFor('the run to wait for the lock', () => lockWaits(waits) >= WAITING);
    child.kill('SIGINT');
    const result = await ended;
    expect(result.signal).toBeNull();
    expect(result.code, result.stderr).toBe(130);
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n`);
    expect(readdirSync(project.dir).sort()).toEqual(['.generated.headroom-lock', 'headroom.config.ts', 'teams']);
  });
});
