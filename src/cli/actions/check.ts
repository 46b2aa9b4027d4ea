// `headroom check`: what runs once the command is chosen (../commands/check.ts declares it).
import { displayPath } from '../../config/display-path.ts';
import { generate } from '../../generate.ts';
import { compareTree, isSame } from '../../output/compare-tree.ts';
import { type CommandOutcome, EXIT_DIFFERENT } from '../exit-codes.ts';
import type { ConfigOptions } from '../options.ts';
import { generationSummary } from '../summary.ts';

export async function checkAction(options: ConfigOptions, outcome: CommandOutcome): Promise<void> {
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
}
