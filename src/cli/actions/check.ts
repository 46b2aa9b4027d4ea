// `headroom check`: what runs once the command is chosen (../commands/check.ts declares it).
import { statSync } from 'node:fs';
import { displayPath } from '../../config/display-path.ts';
import { generate } from '../../generate.ts';
import { compareTree, isSame } from '../../output/compare-tree.ts';
import { locateOutTarget, refusal } from '../../output/out-target.ts';
import { type CommandRun, printLine } from '../cli-io.ts';
import { EXIT_DIFFERENT } from '../exit-codes.ts';
import { generateCommand } from '../generate-command.ts';
import { againstWorkingDirectory, type ConfigOptions } from '../options.ts';
import { generationSummary } from '../summary.ts';

export async function checkAction(options: ConfigOptions, { io, outcome }: CommandRun): Promise<void> {
  const paths = againstWorkingDirectory(options, io.cwd);
  const generation = await generate(paths.config, paths.out);
  const target = locateOutTarget(generation.outDir, {
    key: options.out === undefined ? 'output.dir' : '--out',
    configFile: generation.loaded.configFile,
  });
  const where = displayPath(generation.outDir);
  if (!target.exists) {
    printLine(
      io.stderr,
      `headroom: ${where} does not exist: run \`${generateCommand(options)}\` first and commit the result.`,
    );
    outcome.exitCode = EXIT_DIFFERENT;
    return;
  }
  if (!statSync(target.real).isDirectory())
    throw refusal(target, 'is a file, not a folder: point --out / output.dir at the generated folder');
  const difference = compareTree(target.real, generation.tree);
  if (isSame(difference)) {
    printLine(io.stdout, `headroom: ${where} is up to date (${generationSummary(generation)})`);
    return;
  }
  const lines = [
    ...difference.changed.map((path) => `  changed:       ${path}`),
    ...difference.missing.map((path) => `  missing:       ${path}`),
    ...difference.extra.map((path) => `  not generated: ${path}`),
  ];
  printLine(
    io.stderr,
    `headroom: ${where} is not what the config generates:\n${lines.join('\n')}\nRun \`${generateCommand(options)}\` ` +
      `and commit the result.`,
  );
  outcome.exitCode = EXIT_DIFFERENT;
}
