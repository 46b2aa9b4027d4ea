// Team files held in memory (diff --base reads the ref's from git, see HeldTeamFiles) are judged as the same bytes
// on disk are: the same teams in the same order, the same refusals, among the files the folder does hold.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, type SourceFile } from '../../src/config/input-error.ts';
import { loadTeamsDir } from '../../src/config/load-teams-dir.ts';
import { TEAM_FILE_MAX_BYTES } from '../../src/config/read-team-file.ts';

const config: SourceFile = { file: 'headroom.config.ts', locate: () => undefined };

const team = (name: string) => Buffer.from(`name: ${name}\nnamespaces:\n  - ${name}\n  - ${name}-db\n`);

/** What loading the folder gives: its teams, or the problems it is refused with. */
function outcome(load: () => ReturnType<typeof loadTeamsDir>): unknown {
  try {
    return load().map((loaded) => ({ team: loaded.team, file: loaded.source.file }));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.problems;
  }
}

describe('team files held in memory', () => {
  const cases: Record<string, Record<string, Buffer>> = {
    'good files, some held and some on disk': { 'a.yaml': team('alpha'), 'b.yml': team('bravo') },
    'not UTF-8': { 'a.yaml': team('alpha'), 'bad.yaml': Buffer.from([0x6e, 0x61, 0xff, 0x0a]) },
    'UTF-16 with a byte-order mark': { 'u.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), team('u')]) },
    'a NUL byte': { 'n.yaml': Buffer.from('name: n\0\n') },
    'too large': { 'big.yaml': Buffer.alloc(TEAM_FILE_MAX_BYTES + 10, 0x20) },
    'upper-case extension, dot-file': { 'X.YAML': team('x'), '.lock.yaml': Buffer.from('\0') },
    'a byte-order mark': { 'bom.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), team('bom')]) },
  };

  for (const [name, files] of Object.entries(cases)) {
    it(`${name}: as on disk`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'headroom-held-teams-'));
      const teams = join(dir, 'teams');
      mkdirSync(teams);
      const disk = { file: 'on-disk.yaml', bytes: team('on-disk') };
      writeFileSync(join(teams, disk.file), disk.bytes);
      for (const [file, bytes] of Object.entries(files)) writeFileSync(join(teams, file), bytes);
      const onDisk = outcome(() => loadTeamsDir(teams, config, true));
      for (const file of Object.keys(files)) rmSync(join(teams, file));
      const held = { folder: realpathSync(teams), files: new Map(Object.entries(files)) };
      expect(outcome(() => loadTeamsDir(teams, config, true, held))).toEqual(onDisk);
      // Held files count only in their own folder.
      const elsewhere = { folder: realpathSync(dir), files: held.files };
      expect(outcome(() => loadTeamsDir(teams, config, true, elsewhere))).toEqual([
        { team: expect.objectContaining({ name: 'on-disk' }), file: expect.stringMatching(/on-disk\.yaml$/) },
      ]);
    });
  }
});
