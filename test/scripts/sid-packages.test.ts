// scripts/sid-packages.sh takes the Debian archive from the machine's own apt sources (deb822 first, then the
// one-line sources.list), with the suite set to sid: the repository names no host, and an install behind a local
// mirror uses that mirror. Here apt-config is pointed (APT_CONFIG) at sources written by each case.
// @module-tag spawns (bash)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.ts';

const KEYRING = '/usr/share/keyrings/debian-archive-keyring.gpg';

/** What sid_mirror prints (and its exit code) on a machine whose apt has these sources. */
function mirrorFor(sources: { deb822?: Record<string, string>; list?: string }, env: Record<string, string> = {}) {
  const etc = mkdtempSync(join(tmpdir(), 'headroom-apt-'));
  mkdirSync(join(etc, 'sources.list.d'));
  for (const [name, text] of Object.entries(sources.deb822 ?? {}))
    writeFileSync(join(etc, 'sources.list.d', name), text);
  if (sources.list !== undefined) writeFileSync(join(etc, 'sources.list'), sources.list);
  writeFileSync(
    join(etc, 'apt.conf'),
    `Dir::Etc::sourceparts "${etc}/sources.list.d";\nDir::Etc::sourcelist "${etc}/sources.list";\n`,
  );
  const run = spawnSync('bash', ['-c', 'source scripts/sid-packages.sh && sid_mirror'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, APT_CONFIG: join(etc, 'apt.conf'), SID_MIRROR: '', ...env },
  });
  return { code: run.status, stdout: run.stdout.trim(), stderr: run.stderr };
}

const DEBIAN =
  `Types: deb\n# http://snapshot.debian.org/archive/debian/20250520T000000Z\nURIs: ` +
  `http://mirror.internal:3142/debian\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: ${KEYRING}\n`;
const SECURITY =
  `Types: deb\nURIs: http://security-mirror.internal/debian-security\nSuites: ` +
  `bookworm-security\nComponents: main\nSigned-By: ${KEYRING}\n`;
const DOCKER =
  'Types: deb\nURIs: https://download.docker.com/linux/debian\nSuites: bookworm\nComponents: stable\nSigned-By: ' +
  '/etc/apt/keyrings/docker.asc\n';

describe('sid-packages.sh: the mirror comes from the apt sources', () => {
  it('names no Debian host itself', () => {
    expect(readFileSync(join(REPO_ROOT, 'scripts/sid-packages.sh'), 'utf8')).not.toMatch(/debian\.org/);
  });

  it(
    'deb822 sources with a security stanza first, a Docker repository and a disabled stanza: the Debian archive ' +
      'behind the local mirror',
    () => {
      const disabled =
        `Enabled: no\nTypes: deb\nURIs: http://old-mirror.internal/debian\nSuites: ` + `bookworm\nComponents: main\n`;
      const result = mirrorFor({
        deb822: { 'a-docker.sources': DOCKER, 'b-old.sources': disabled, 'debian.sources': `${SECURITY}\n${DEBIAN}` },
      });
      expect(result).toEqual({ code: 0, stdout: 'http://mirror.internal:3142/debian', stderr: '' });
    },
  );

  it('a deb822 stanza that names no key (the system keyrings apply) counts as the Debian archive', () => {
    const unsigned = 'Types: deb deb-src\nURIs: http://mirror.internal/debian\nSuites: trixie\nComponents: main\n';
    expect(mirrorFor({ deb822: { 'debian.sources': unsigned } }).stdout).toBe('http://mirror.internal/debian');
  });

  it('only the one-line sources.list: its Debian line, not the security line or a third-party one', () => {
    const list = [
      "# the machine's sources",
      'deb http://security-mirror.internal/debian-security bookworm-security main',
      'deb [arch=amd64 signed-by=/etc/apt/keyrings/docker.asc] ' +
        'https://download.docker.com/linux/debian bookworm stable',
      `deb [signed-by=${KEYRING}] http://mirror.internal/debian bookworm main`,
      '',
    ].join('\n');
    expect(mirrorFor({ list }).stdout).toBe('http://mirror.internal/debian');
  });

  it('no Debian archive at all: exit 1, naming SID_MIRROR; SID_MIRROR set: used as it is', () => {
    const none = mirrorFor({ deb822: { 'docker.sources': DOCKER } });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no Debian archive among the apt sources');
    expect(none.stderr).toContain('set SID_MIRROR=');
    expect(
      mirrorFor({ deb822: { 'docker.sources': DOCKER } }, { SID_MIRROR: 'http://cache.internal/debian' }).stdout,
    ).toBe('http://cache.internal/debian');
  });
});
