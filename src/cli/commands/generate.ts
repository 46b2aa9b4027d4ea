import type { Command } from 'commander';
import { generate } from '../../generate.ts';
import { writeTreeAtomically } from '../../output/write-tree.ts';
import { configOption, type ConfigOptions, outOption } from '../options.ts';
import { displayPath } from '../../config/display-path.ts';
import { generationSummary } from '../summary.ts';

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('write the generated files (atomically: all or nothing)')
    .addOption(configOption())
    .addOption(outOption())
    .action(async (options: ConfigOptions) => {
      const generation = await generate(options.config, options.out);
      writeTreeAtomically(generation.outDir, generation.tree);
      console.log(`headroom: wrote ${displayPath(generation.outDir)} (${generationSummary(generation)})`);
    });
}
