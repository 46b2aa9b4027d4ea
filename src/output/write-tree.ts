// Writes a generated tree so that readers never see a half-written folder: files go to a staging folder beside
// the target, which then replaces the target by rename. On failure the target is left as it was, and a target
// headroom did not write is never replaced.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { GeneratedTree } from './generated-tree.ts';
import { assertReplaceable } from './replaceable-target.ts';

export function writeTreeAtomically(dir: string, tree: GeneratedTree): void {
  const target = resolve(dir);
  assertReplaceable(target);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${basename(target)}.headroom-tmp-`));
  const previous = `${staging}-previous`;
  try {
    const made = new Set<string>();
    for (const [path, content] of tree) {
      const folder = dirname(join(staging, path));
      if (!made.has(folder)) mkdirSync(folder, { recursive: true });
      made.add(folder);
      writeFileSync(join(staging, path), content);
    }
    if (existsSync(target)) renameSync(target, previous);
    renameSync(staging, target);
  } catch (error) {
    if (!existsSync(target) && existsSync(previous)) renameSync(previous, target);
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}
