// Golden files: generated output compared with files committed next to the test. UPDATE_GOLDEN=1 rewrites them,
// so a change to output shows up as a reviewed diff of the golden files.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { listFiles } from '../../src/output/list-files.ts';

export function expectGoldenTree(goldenDir: string, files: Map<string, string>): void {
  if (process.env.UPDATE_GOLDEN) {
    rmSync(goldenDir, { recursive: true, force: true });
    for (const [path, content] of files) {
      mkdirSync(dirname(join(goldenDir, path)), { recursive: true });
      writeFileSync(join(goldenDir, path), content);
    }
  }
  expect(existsSync(goldenDir), `${goldenDir} missing: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(listFiles(goldenDir)).toEqual([...files.keys()].sort());
  for (const [path, content] of files)
    expect(content, `${path} differs from its golden file (UPDATE_GOLDEN=1 to accept)`).toBe(
      readFileSync(join(goldenDir, path), 'utf8'),
    );
}
