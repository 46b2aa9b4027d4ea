// vitest's global setup for `npm test` and `npm run test:fast`: every temporary folder of the run (the tests' projects,
// rule files for promtool, the CLI's scratch folders) goes under one folder of its own, removed when the run ends, so
// runs leave nothing in the system's temporary folder. The workers and the programs they start inherit TMPDIR.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'headroom-tests-'));
  // Open to other users, as the system's temporary folder is: a test runs the CLI as nobody in a project of its own.
  chmodSync(root, 0o755);
  // jiti's cache of compiled configs (the fixtures') stays where it was between runs: a fresh one costs seconds.
  const jitiCache = join(tmpdir(), 'jiti');
  mkdirSync(jitiCache, { recursive: true });
  symlinkSync(jitiCache, join(root, 'jiti'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
