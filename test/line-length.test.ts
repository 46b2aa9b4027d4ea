// Lines of code are at most 120 characters in src/, test/, bench/, scripts/ and bin/. biome formats to that width but
// leaves alone what it cannot break (a long string, template, regular expression or comment, and test fixtures it does
// not format), so this scans every line of every .ts/.js/.cjs/.mjs file there. A line that must stay longer is listed
// below with the reason, so an exception is a decision someone made, not a line that slipped by.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/paths.ts';

const MAX_LENGTH = 120;
const FOLDERS = ['src', 'test', 'bench', 'scripts', 'bin'];
const CODE = /\.(?:ts|js|cjs|mjs)$/;
/** Folders not read: installed packages, the build, and expected output kept as files. */
const SKIPPED = new Set(['node_modules', 'dist', 'golden']);

interface LongLine {
  file: string;
  text: string;
}

/** Lines allowed over the limit, by file and the line's text, each with the reason. */
const LONG_LINES: readonly (LongLine & { reason: string })[] = [];

/** The code files below `folder` (relative to the repository), in order. */
function codeFiles(folder: string): string[] {
  return readdirSync(join(REPO_ROOT, folder), { withFileTypes: true })
    .filter((entry) => !SKIPPED.has(entry.name))
    .flatMap((entry) => {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) return codeFiles(path);
      return entry.isFile() && CODE.test(entry.name) ? [path] : [];
    })
    .sort();
}

/** The lines over the limit (in characters, not UTF-16 units) of each file, less the excepted ones. */
function scan(files: ReadonlyMap<string, string>, exceptions: readonly LongLine[]) {
  const found: (LongLine & { line: number; length: number })[] = [];
  for (const [file, source] of files)
    for (const [index, text] of source.split(/\r?\n/).entries()) {
      const length = [...text].length;
      if (length > MAX_LENGTH) found.push({ file, line: index + 1, length, text });
    }
  const listed = (line: LongLine) => exceptions.some((e) => e.file === line.file && e.text === line.text);
  return {
    tooLong: found.filter((line) => !listed(line)).map(({ file, line, length }) => `${file}:${line}: ${length}`),
    stale: exceptions.filter((e) => !found.some((line) => line.file === e.file && line.text === e.text)),
  };
}

describe('lines of code', () => {
  const files = new Map(
    FOLDERS.flatMap(codeFiles).map((file) => [file, readFileSync(join(REPO_ROOT, file), 'utf8')] as const),
  );
  const { tooLong, stale } = scan(files, LONG_LINES);

  it('reads the code of every folder', () => {
    for (const folder of FOLDERS) expect([...files.keys()].some((file) => file.startsWith(`${folder}/`))).toBe(true);
    expect(files.has('test/line-length.test.ts')).toBe(true);
  });

  it(`are at most ${MAX_LENGTH} characters, but for the lines listed with a reason`, () => {
    expect(tooLong).toEqual([]);
  });

  it('lists only exceptions that still exist', () => {
    expect(stale).toEqual([]);
  });
});

describe('the scan', () => {
  const exactly = 'x'.repeat(MAX_LENGTH);
  const over = `${'y'.repeat(MAX_LENGTH - 1)}→!`;
  const planted = new Map([
    ['src/a.ts', `// short\n${exactly}\n${over}\n`],
    ['test/b.test.ts', `first\r\n${over}\r\nlast`],
    ['bench/c.ts', `${'é'.repeat(MAX_LENGTH)}\n`],
  ]);

  it('names each line over the limit by file, line and length, whatever the line endings', () => {
    expect(scan(planted, []).tooLong).toEqual(['src/a.ts:3: 121', 'test/b.test.ts:2: 121']);
  });

  it('passes a listed line, and names a listed line that is no longer there', () => {
    const gone = { file: 'src/a.ts', text: 'z'.repeat(MAX_LENGTH + 1) };
    const result = scan(planted, [{ file: 'src/a.ts', text: over }, gone]);
    expect(result.tooLong).toEqual(['test/b.test.ts:2: 121']);
    expect(result.stale).toEqual([gone]);
  });
});
