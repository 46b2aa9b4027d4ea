// `headroom generate`: what runs once the command is chosen (../commands/generate.ts declares it).
import { displayPath } from '../../config/display-path.ts';
import { generate } from '../../generate.ts';
import { quietSettingWarnings } from '../../model/quiet-settings.ts';
import { writeTreeAtomically } from '../../output/write-tree.ts';
import type { ConfigOptions } from '../options.ts';
import { generationSummary } from '../summary.ts';

export async function generateAction(options: ConfigOptions): Promise<void> {
  const generation = await generate(options.config, options.out);
  for (const warning of quietSettingWarnings(generation.loaded)) console.error(warning);
  const named = { key: options.out === undefined ? 'output.dir' : '--out', configFile: generation.loaded.configFile } as const;
  writeTreeAtomically(generation.outDir, generation.tree, named);
  console.log(`headroom: wrote ${displayPath(generation.outDir)} (${generationSummary(generation)})`);
}
