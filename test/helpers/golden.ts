// Golden files: generated output compared with files committed next to the test. UPDATE_GOLDEN=1 rewrites them,
// so a change to output shows up as a reviewed diff of the golden files.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';

export function expectGoldenTree(goldenDir: string, files: Map<string, string>): void {
  if (process.env.UPDATE_GOLDEN) {
    rmSync(goldenDir, { recursive: true, force: true });
    for (const [path, content] of files) {
      mkdirSync(dirname(join(goldenDir, path)), { recursive: true });
      writeFileSync(join(goldenDir, path), content);
    }
  }
  expect(existsSync(goldenDir), `${goldenDir} missing: run with UPDATE_GOLDEN=1`).toBe(true);
  const onDisk = listFiles(goldenDir).map((file) => relative(goldenDir, file));
  expect(onDisk.sort()).toEqual([...files.keys()].sort());
  for (const [path, content] of files) expect(content, `${path} differs from its golden file (UPDATE_GOLDEN=1 to accept)`).toBe(readFileSync(join(goldenDir, path), 'utf8'));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]));
}
