// `headroom generate`: what runs once the command is chosen (../commands/generate.ts declares it).
import { displayPath } from '../../config/display-path.ts';
import { generate } from '../../generate.ts';
import { quietSettingWarnings } from '../../model/quiet-settings.ts';
import { writeTreeAtomically } from '../../output/write-tree.ts';
import { type CommandRun, printLine } from '../cli-io.ts';
import { againstWorkingDirectory, type ConfigOptions } from '../options.ts';
import { stoppableBySignals } from '../stop-signals.ts';
import { generationSummary } from '../summary.ts';

export async function generateAction(options: ConfigOptions, { io, outcome }: CommandRun): Promise<void> {
  const paths = againstWorkingDirectory(options, io.cwd);
  const generation = await generate(paths.config, paths.out);
  for (const warning of quietSettingWarnings(generation.loaded)) printLine(io.stderr, warning);
  const named = {
    key: options.out === undefined ? 'output.dir' : '--out',
    configFile: generation.loaded.configFile,
  } as const;
  const where = displayPath(generation.outDir);
  const written = await stoppableBySignals((abort) =>
    writeTreeAtomically(generation.outDir, generation.tree, named, abort),
  );
  if ('stopped' in written) {
    printLine(io.stderr, `headroom: ${written.stopped.message}: ${where} was left as it was, nothing written`);
    outcome.exitCode = written.stopped.exitCode;
    return;
  }
  printLine(io.stdout, `headroom: wrote ${where} (${generationSummary(generation)})`);
}
