// Generates a project's config into a folder of it, in-process (as `headroom generate --out <folder>` would).
import { join } from 'node:path';
import { generate } from '../../src/generate.ts';
import { writeTreeAtomically } from '../../src/output/write-tree.ts';

export async function writeGenerated(dir: string, folder: string, config = 'headroom.config.ts'): Promise<void> {
  const { tree } = await generate(join(dir, config));
  await writeTreeAtomically(join(dir, folder), tree);
}
