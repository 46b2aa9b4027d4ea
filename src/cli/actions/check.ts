// `headroom check`: what runs once the command is chosen (../commands/check.ts declares it).
import { statSync } from 'node:fs';
import { displayPath } from '../../config/display-path.ts';
import { generate } from '../../generate.ts';
import { compareTree, isSame } from '../../output/compare-tree.ts';
import { locateOutTarget, refusal } from '../../output/out-target.ts';
import { type CommandOutcome, EXIT_DIFFERENT } from '../exit-codes.ts';
import { generateCommand } from '../generate-command.ts';
import type { ConfigOptions } from '../options.ts';
import { generationSummary } from '../summary.ts';

export async function checkAction(options: ConfigOptions, outcome: CommandOutcome): Promise<void> {
  const generation = await generate(options.config, options.out);
  const target = locateOutTarget(generation.outDir, {
    key: options.out === undefined ? 'output.dir' : '--out',
    configFile: generation.loaded.configFile,
  });
  const where = displayPath(generation.outDir);
  if (!target.exists) {
    console.error(
      `headroom: ${where} does not exist: run \`${generateCommand(options)}\` first and commit the result.`,
    );
    outcome.exitCode = EXIT_DIFFERENT;
    return;
  }
  if (!statSync(target.real).isDirectory())
    throw refusal(target, 'is a file, not a folder: point --out / output.dir at the generated folder');
  const difference = compareTree(target.real, generation.tree);
  if (isSame(difference)) {
    console.log(`headroom: ${where} is up to date (${generationSummary(generation)})`);
    return;
  }
  const lines = [
    ...difference.changed.map((path) => `  changed:       ${path}`),
    ...difference.missing.map((path) => `  missing:       ${path}`),
    ...difference.extra.map((path) => `  not generated: ${path}`),
  ];
  console.error(
    `headroom: ${where} is not what the config generates:\n${lines.join('\n')}\nRun \`${generateCommand(options)}\` and commit the result.`,
  );
  outcome.exitCode = EXIT_DIFFERENT;
}
