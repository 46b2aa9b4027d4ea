// Hostile team files, as files: symlinks out of the config folder, loops, folders and pipes named *.yaml, alias bombs,
// a 10 MB file, bytes that are not UTF-8, YAML features a team file has no use for, odd file names. Each is refused
// with exit 2, the file (and line and key where there is one), no stack trace and generated/ untouched; or it is a
// documented accept, and the test shows what is written.
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEAM_FILE_MAX_BYTES } from '../../src/config/read-team-file.ts';
import { expectRefused, generatedProject, type HostileProject } from '../helpers/hostile.ts';
import { runCli } from '../helpers/run-cli.ts';
import { type TempProject, tempProject } from '../helpers/temp-project.ts';

const TEAM_FILES = ['payments.yaml', 'search.yaml'];

/** A valid team file for a team of its own, so an accepted file adds an owner and nothing clashes. */
const teamFile = (name: string) => `name: ${name}\nnamespaces: [${name}]\n`;

/** Everything a case added to teams/ (and the folders it made) goes; the example's team files stay as they were. */
function removeAdded(project: TempProject, extra: string[] = []): void {
  const teams = join(project.dir, 'teams');
  for (const name of readdirSync(teams))
    if (!TEAM_FILES.includes(name)) rmSync(join(teams, name), { recursive: true, force: true });
  for (const path of extra) rmSync(join(project.dir, path), { recursive: true, force: true });
}

function link(project: TempProject, target: string, path: string): void {
  symlinkSync(target, join(project.dir, path));
}

describe('team files refused', () => {
  let project: HostileProject;
  let originals: Record<string, string>;
  beforeAll(async () => {
    project = await generatedProject();
    originals = Object.fromEntries(TEAM_FILES.map((name) => [name, project.read(`teams/${name}`)]));
  });
  afterEach(() => removeAdded(project, ['elsewhere']));
  afterAll(() => rmSync(project.dir, { recursive: true, force: true }));

  it('a symlink to /etc/passwd: refused before it is read, its content never echoed', async () => {
    link(project, '/etc/passwd', 'teams/evil.yaml');
    const { stderr } = await expectRefused(
      project,
      ['generate'],
      'teams/evil.yaml: is a symbolic link to /etc/passwd, which leaves the config folder: refused, not read',
    );
    expect(stderr).not.toContain('root:');
  });

  it('validate and check refuse the /etc/passwd symlink exactly as generate does', async () => {
    link(project, '/etc/passwd', 'teams/evil.yaml');
    const generate = await expectRefused(project, ['generate'], 'teams/evil.yaml');
    const validate = await expectRefused(project, ['validate'], 'teams/evil.yaml');
    expect(validate.stderr).toBe(generate.stderr);
    expect((await expectRefused(project, ['check'], 'teams/evil.yaml')).stderr).toBe(generate.stderr);
    expect(validate.stderr).not.toContain('root:');
  });

  it(
    'a relative symlink that climbs out of the config folder (../../../../etc/hostname), ' +
      'through an in-folder link',
    async () => {
      mkdirSync(join(project.dir, 'elsewhere'));
      link(project, `${'../'.repeat(12)}etc/hostname`, 'elsewhere/hop.yaml');
      link(project, '../elsewhere/hop.yaml', 'teams/climb.yaml');
      await expectRefused(
        project,
        ['generate'],
        'teams/climb.yaml: is a symbolic link to /etc/hostname, which leaves the config folder: refused, not read',
      );
    },
  );

  it('a symlink to a folder named x.yaml', async () => {
    mkdirSync(join(project.dir, 'elsewhere', 'x.yaml'), { recursive: true });
    link(project, '../elsewhere/x.yaml', 'teams/x.yaml');
    await expectRefused(project, ['generate'], 'teams/x.yaml: is a folder, not a team file');
  });

  it('a folder named x.yaml inside teams/', async () => {
    mkdirSync(join(project.dir, 'teams', 'x.yaml'));
    await expectRefused(project, ['generate'], 'teams/x.yaml: is a folder, not a team file');
  });

  it('a symlink loop (a.yaml -> b.yaml -> a.yaml)', async () => {
    link(project, 'b.yaml', 'teams/a.yaml');
    link(project, 'a.yaml', 'teams/b.yaml');
    const { stderr } = await expectRefused(
      project,
      ['generate'],
      'teams/a.yaml: is a symbolic link loop',
      'teams/b.yaml: is a symbolic link loop',
    );
    expect(stderr).not.toContain('ELOOP');
  });

  it('a dangling symlink', async () => {
    link(project, 'gone.yaml', 'teams/dangling.yaml');
    const { stderr } = await expectRefused(
      project,
      ['generate'],
      'teams/dangling.yaml: is a symbolic link to gone.yaml, which does not exist',
    );
    expect(stderr).not.toContain('ENOENT');
  });

  it('a named pipe called x.yaml: refused without opening it (no hang)', async () => {
    execFileSync('mkfifo', [join(project.dir, 'teams', 'pipe.yaml')]);
    await expectRefused(project, ['generate'], 'teams/pipe.yaml: is not a regular file (a pipe, socket or device)');
  });

  it('a YAML alias bomb (billion laughs)', async () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [prev, next] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['e', 'f'],
      ['f', 'g'],
      ['g', 'h'],
      ['h', 'i'],
    ]) {
      levels.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    project.write('teams/bomb.yaml', `name: bomb\nnamespaces: [bomb]\n${levels.join('\n')}\n`);
    const { stderr } = await expectRefused(
      project,
      ['generate'],
      'teams/bomb.yaml:4:8: YAML aliases expand to more than 100 nodes (an alias bomb): refused',
    );
    expect(stderr).not.toMatch(/ReferenceError|resource exhaustion/);
  });

  it('an alias with no anchor', async () => {
    project.write('teams/x.yaml', 'name: x\nnamespaces: [*nowhere]\n');
    const { stderr } = await expectRefused(
      project,
      ['generate'],
      'teams/x.yaml:2:14: namespaces.0: alias *nowhere has no anchor &nowhere before it',
    );
    expect(stderr).not.toContain('ReferenceError');
  });

  it('a 10 MB team file: refused by the 1 MiB cap, its content never echoed', async () => {
    project.write('teams/huge.yaml', `name: huge\nnamespaces: [${'a'.repeat(10 * 1000 * 1000)}]\n`);
    const { stderr } = await expectRefused(
      project,
      ['generate'],
      `teams/huge.yaml: is 9.5 MiB; team files are capped at 1 MiB (${TEAM_FILE_MAX_BYTES} bytes): refused, not read`,
    );
    expect(stderr).not.toContain('aaaa');
  });

  it('a 10 GiB sparse file: refused from its size alone (reading it whole would exhaust memory)', async () => {
    execFileSync('truncate', ['-s', '10G', join(project.dir, 'teams', 'sparse.yaml')]);
    await expectRefused(project, ['generate'], 'teams/sparse.yaml: is 10240.0 MiB; team files are capped at 1 MiB');
  });

  it('duplicate keys, at the top and nested', async () => {
    project.write(
      'teams/x.yaml',
      'name: x\nnamespaces: [x]\nname: y\nalerts:\n  containerOOMKilled: { window: 5m, window: 1h }\n',
    );
    await expectRefused(
      project,
      ['generate'],
      'teams/x.yaml:3:1: name: duplicate key (first at line 1)',
      'teams/x.yaml:5:37: alerts.containerOOMKilled.window: duplicate key (first at line 5)',
    );
  });

  it('lists nested 100,000 deep ([[[[…]]]]): refused, no stack overflow', async () => {
    project.write('teams/deep.yaml', `name: deep\nnamespaces: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    const { stderr } = await expectRefused(
      project,
      ['generate'],
      /^teams\/deep\.yaml:2:\d+: lists or mappings nested too deeply to read/m,
    );
    expect(stderr).not.toContain('RangeError');
  });

  it('a list at the top', async () => {
    project.write('teams/x.yaml', '- name: x\n  namespaces: [x]\n');
    await expectRefused(
      project,
      ['generate'],
      'teams/x.yaml:1:1: a team file holds one mapping (`name:`, `namespaces:`, …), not a list',
    );
  });

  it('a long scalar at the top: refused without echoing it', async () => {
    const secret = `ghp_${'S'.repeat(400)}`;
    project.write('teams/x.yaml', `${secret}\n`);
    const { stderr } = await expectRefused(
      project,
      ['generate'],
      'teams/x.yaml:1:1: a team file holds one mapping (`name:`, `namespaces:`, …), not a single value',
    );
    expect(stderr).not.toContain('ghp_');
  });

  it('an empty file', async () => {
    project.write('teams/x.yaml', '');
    await expectRefused(project, ['generate'], /^teams\/x\.yaml: empty team file/m);
  });

  it('a file holding only comments', async () => {
    project.write('teams/x.yaml', '# payments moved to teams/payments.yaml\n\n# nothing else\n');
    await expectRefused(project, ['generate'], /^teams\/x\.yaml: empty team file/m);
  });

  it('two YAML documents in one file (--- twice)', async () => {
    project.write('teams/x.yaml', '---\nname: x\nnamespaces: [x]\n---\nname: y\nnamespaces: [y]\n');
    const { stderr } = await expectRefused(
      project,
      ['generate'],
      'teams/x.yaml:4:1: holds 2 YAML documents (a `---` line starts each): a team file holds one team; put each ' +
        'team in its own file',
    );
    expect(stderr).not.toContain('parseAllDocuments');
  });

  it('an upper-case extension (x.YAML): refused, not skipped silently', async () => {
    project.write('teams/x.YAML', teamFile('x'));
    await expectRefused(
      project,
      ['generate'],
      'teams/x.YAML: team files end in .yaml or .yml in lower case: rename it to x.yaml',
    );
  });

  it('a mixed-case extension (x.Yml)', async () => {
    project.write('teams/x.Yml', teamFile('x'));
    await expectRefused(
      project,
      ['generate'],
      'teams/x.Yml: team files end in .yaml or .yml in lower case: rename it to x.yml',
    );
  });

  it('Latin-1 text (not UTF-8): refused at the first bad byte', async () => {
    writeFileSync(
      join(project.dir, 'teams/x.yaml'),
      Buffer.concat([Buffer.from('name: x\nlabels: { owner: caf'), Buffer.from([0xe9]), Buffer.from(' }\n')]),
    );
    await expectRefused(project, ['generate'], 'teams/x.yaml:2:21: is not UTF-8 text: save it as UTF-8');
  });

  it('a bad byte after multi-byte characters: its column counted in characters, as an editor shows it', async () => {
    writeFileSync(
      join(project.dir, 'teams/x.yaml'),
      Buffer.concat([Buffer.from('name: x\nlabels: { owner: ünï✓'), Buffer.from([0xff]), Buffer.from(' }\n')]),
    );
    await expectRefused(project, ['generate'], 'teams/x.yaml:2:22: is not UTF-8 text');
  });

  it.each([
    [
      'UTF-16 LE without a byte-order mark',
      (text: string) => Buffer.from(text, 'utf16le'),
      'little-endian, without a byte-order mark',
    ],
    [
      'UTF-16 BE without a byte-order mark',
      (text: string) => Buffer.from(text, 'utf16le').swap16(),
      'big-endian, without a byte-order mark',
    ],
    [
      'UTF-16 LE with a byte-order mark',
      (text: string) => Buffer.from(`\uFEFF${text}`, 'utf16le'),
      'little-endian, with a byte-order mark',
    ],
    [
      'UTF-16 BE with a byte-order mark',
      (text: string) => Buffer.from(`\uFEFF${text}`, 'utf16le').swap16(),
      'big-endian, with a byte-order mark',
    ],
  ])(
    '%s (as a Windows editor may save it): refused as UTF-16 with "save it as UTF-8", not as binary',
    async (_, encode, kind) => {
      writeFileSync(
        join(project.dir, 'teams/x.yaml'),
        encode('name: x\nnamespaces: [x]\nlabels: { owner: "café ✓" }\n'),
      );
      const { stderr } = await expectRefused(
        project,
        ['generate'],
        `teams/x.yaml: is UTF-16 text (${kind}), not UTF-8: save it as UTF-8`,
      );
      expect(stderr).not.toContain('NUL');
    },
  );

  it('binary garbage', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) % 256));
    writeFileSync(join(project.dir, 'teams/x.yaml'), garbage);
    const { stderr } = await expectRefused(
      project,
      ['generate'],
      /^teams\/x\.yaml:\d+:\d+: (is not UTF-8 text|holds a NUL byte)/m,
    );
    expect(stderr.split('\n').length).toBeLessThan(5);
  });

  it('a NUL byte in otherwise valid UTF-8', async () => {
    project.write('teams/x.yaml', 'name: x\nnamespaces: [x\u0000]\n');
    await expectRefused(project, ['generate'], 'teams/x.yaml:2:15: holds a NUL byte: a binary file, not YAML');
  });

  it('a YAML syntax error on a line holding a long secret-looking value: nothing of it echoed', async () => {
    const secret = `AKIA${'S'.repeat(300)}`;
    project.write('teams/x.yaml', `name: x\nnamespaces: [x]\nlabels: { token: "${secret} }\n`);
    // The library notices the missing quote where the file ends, on the line after.
    const { stderr } = await expectRefused(
      project,
      ['generate'],
      'teams/x.yaml:4:1: YAML syntax error: Missing closing "quote',
    );
    expect(stderr).not.toContain('AKIA');
    for (const line of stderr.split('\n')) expect(line.length).toBeLessThanOrEqual(160);
  });

  it('a team name with path traversal (name: ../../etc)', async () => {
    project.write('teams/x.yaml', 'name: ../../etc\nnamespaces: [x]\n');
    await expectRefused(
      project,
      ['generate'],
      'teams/x.yaml:1:1: name: must be 1 to 26 lowercase letters, digits and dashes',
    );
  });

  it('a file name with a newline and an escape sequence: refused, shown escaped (no forged line)', async () => {
    project.write('teams/x\u001b[31m\nteams:1:1: forged.yaml', teamFile('x'));
    const { stderr } = await expectRefused(
      project,
      ['generate'],
      'teams/x\\u001b[31m\\nteams:1:1: forged.yaml: file name holds control characters: rename it',
    );
    expect(stderr).not.toContain('\u001b');
    expect(stderr).not.toMatch(/^teams:1:1/m);
  });

  it('the !!js/function tag', async () => {
    project.write('teams/x.yaml', 'name: !!js/function "function () { return 1 }"\nnamespaces: [x]\n');
    await expectRefused(
      project,
      ['generate'],
      'teams/x.yaml:1:21: name: YAML tag !!js/function is not allowed: a team file holds plain data',
    );
  });

  it('the !!binary tag', async () => {
    project.write('teams/x.yaml', 'name: x\nnamespaces: !!binary eA==\n');
    await expectRefused(project, ['generate'], 'teams/x.yaml:2:22: namespaces: YAML tag !!binary is not allowed');
  });

  it('a custom !foo tag', async () => {
    project.write('teams/x.yaml', 'name: x\nnamespaces: [x]\nlabels: !foo { owner: x }\n');
    await expectRefused(project, ['generate'], 'teams/x.yaml:3:14: labels: YAML tag !foo is not allowed');
  });

  it('a merge key (<<: *base)', async () => {
    project.write(
      'teams/x.yaml',
      'name: x\nnamespaces: [x]\nalerts:\n  containerMemoryNearLimit: &base { for: 5m }\n  containerOOMKilled:\n    ' +
        '<<: *base\n',
    );
    await expectRefused(
      project,
      ['generate'],
      'teams/x.yaml:6:5: alerts.containerOOMKilled.<<: ' +
        'merge keys (`<<: *anchor`) are not supported: write the keys out',
    );
  });

  it('a key that is a list (? [a, b])', async () => {
    project.write('teams/x.yaml', 'name: x\nnamespaces: [x]\nlabels:\n  ? [a, b]\n  : c\n');
    const { stderr } = await expectRefused(
      project,
      ['generate'],
      'teams/x.yaml:4:5: labels: keys must be plain text, not a list, a mapping or an alias',
    );
    expect(stderr).not.toContain('Warning');
  });

  it('a team file with no name', async () => {
    project.write('teams/x.yaml', 'namespaces: [x]\n');
    await expectRefused(project, ['generate'], 'teams/x.yaml:1:1: name: is required');
  });

  it('teams is a file, not a folder', async () => {
    rmSync(join(project.dir, 'teams'), { recursive: true });
    try {
      writeFileSync(join(project.dir, 'teams'), teamFile('x'));
      await expectRefused(project, ['generate'], /^headroom\.config\.ts(:\d+:\d+)?: teamsDir: teams is not a folder$/m);
    } finally {
      rmSync(join(project.dir, 'teams'));
      mkdirSync(join(project.dir, 'teams'));
      for (const name of TEAM_FILES) project.write(`teams/${name}`, originals[name]!);
    }
  });
});

describe('team files accepted (documented)', () => {
  let project: TempProject;
  let originals: Record<string, string>;
  beforeAll(() => {
    project = tempProject('example');
    originals = Object.fromEntries(TEAM_FILES.map((name) => [name, project.read(`teams/${name}`)]));
  });
  afterEach(() => removeAdded(project, ['shared']));
  afterAll(() => rmSync(project.dir, { recursive: true, force: true }));

  /** generate succeeds, and each team's entry of the teams table is in the output. */
  async function expectGenerates(...teams: string[]): Promise<void> {
    const result = await runCli(['generate'], project.dir);
    expect(result.code, result.stderr).toBe(0);
    const rules = project.read('generated/prometheus-rules/headroom-teams.yaml');
    for (const team of teams) expect(rules).toMatch(new RegExp(`^ +team: ${team}$`, 'm'));
  }

  it('a symlink to a team file elsewhere in the config folder: read as a team file', async () => {
    mkdirSync(join(project.dir, 'shared'));
    project.write('shared/checkout.yaml', teamFile('checkout'));
    link(project, '../shared/checkout.yaml', 'teams/checkout.yaml');
    await expectGenerates('checkout');
  });

  it(
    'the teams folder itself a symlink to a shared checkout outside the config folder: ' + 'its files are read',
    async () => {
      const shared = mkdtempSync(join(tmpdir(), 'headroom-shared-teams-'));
      try {
        writeFileSync(join(shared, 'shared.yaml'), teamFile('shared'));
        rmSync(join(project.dir, 'teams'), { recursive: true });
        symlinkSync(shared, join(project.dir, 'teams'));
        await expectGenerates('shared');
      } finally {
        rmSync(join(project.dir, 'teams'));
        mkdirSync(join(project.dir, 'teams'));
        for (const name of TEAM_FILES) project.write(`teams/${name}`, originals[name]!);
        rmSync(shared, { recursive: true, force: true });
      }
    },
  );

  it('a UTF-8 byte-order mark: stripped, the file parses', async () => {
    project.write('teams/bom.yaml', `\ufeff${teamFile('bom')}`);
    expect(lstatSync(join(project.dir, 'teams/bom.yaml')).size).toBe(Buffer.byteLength(teamFile('bom')) + 3);
    await expectGenerates('bom');
  });

  it('file names with spaces and non-ASCII letters: loaded like any other', async () => {
    project.write('teams/team ünïcode ✓.yaml', teamFile('unicode'));
    project.write('teams/two words.yml', teamFile('spaces'));
    await expectGenerates('unicode', 'spaces');
  });

  it('dot-files (.hidden.yaml, an editor lock file .#payments.yaml): skipped', async () => {
    project.write('teams/.hidden.yaml', 'this: [is not a team file\n');
    link(project, 'user@host.1234:1700000000', 'teams/.#payments.yaml');
    await expectGenerates('payments');
    expect(project.read('generated/prometheus-rules/headroom-teams.yaml')).not.toContain('hidden');
  });
});
