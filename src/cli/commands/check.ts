import type { Command } from 'commander';
import { generate } from '../../generate.ts';
import { compareTree, isSame } from '../../output/compare-tree.ts';
import { type CommandOutcome, EXIT_DIFFERENT } from '../exit-codes.ts';
import { configOption, type ConfigOptions, outOption } from '../options.ts';
import { displayPath } from '../../config/display-path.ts';
import { generationSummary } from '../summary.ts';

export function registerCheck(program: Command, outcome: CommandOutcome): void {
  program
    .command('check')
    .description('exit 1 when the output folder is not what the config generates')
    .addOption(configOption())
    .addOption(outOption())
    .action(async (options: ConfigOptions) => {
      const generation = await generate(options.config, options.out);
      const difference = compareTree(generation.outDir, generation.tree);
      const where = displayPath(generation.outDir);
      if (isSame(difference)) {
        console.log(`headroom: ${where} is up to date (${generationSummary(generation)})`);
        return;
      }
      const lines = [
        ...difference.changed.map((path) => `  changed:       ${path}`),
        ...difference.missing.map((path) => `  missing:       ${path}`),
        ...difference.extra.map((path) => `  not generated: ${path}`),
      ];
      console.error(`headroom: ${where} is not what the config generates:\n${lines.join('\n')}\nRun \`npm run generate\` and commit the result.`);
      outcome.exitCode = EXIT_DIFFERENT;
    });
}
