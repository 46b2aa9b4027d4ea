// A team file whose text was loaded before, while that team is still held (diff --base loads the work tree's copy,
// then the ref's), is not parsed and validated again: the same team comes back, known by the file it now lies in,
// its positions where they were.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/config/input-error.ts';
import { loadTeamFile } from '../../src/config/load-team-file.ts';

describe('a team file loaded twice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-team-reuse-'));
  const text = `name: reuse-${process.pid}\nnamespaces:\n  - shop\n  - shop-db\n`;
  const place = (folder: string) => {
    mkdirSync(join(dir, folder), { recursive: true });
    const file = join(dir, folder, 'shop.yaml');
    writeFileSync(file, text);
    return file;
  };

  it('is read from its text once, and named where it lies now', () => {
    const first = loadTeamFile(place('ref'));
    const second = loadTeamFile(place('work'));
    expect(second.team).toBe(first.team);
    expect(second.source.file).toMatch(/work\/shop\.yaml$/);
    expect(second.source.locate(['namespaces', 1])).toEqual({ line: 4, column: 5 });
  });

  it('with other text, or with a problem, is read afresh', () => {
    const file = place('changed');
    writeFileSync(file, `${text}  - shop-cache\n`);
    expect(loadTeamFile(file).team.namespaces).toHaveLength(3);
    writeFileSync(file, `${text}  - "Shop"\n`);
    expect(() => loadTeamFile(file)).toThrow(InputError);
    expect(() => loadTeamFile(file)).toThrow(InputError);
  });
});
