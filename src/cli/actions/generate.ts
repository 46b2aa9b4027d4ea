// `headroom generate`: what runs once the command is chosen (../commands/generate.ts declares it).
import { displayPath } from '../../config/display-path.ts';
import { generate } from '../../generate.ts';
import { quietSettingWarnings } from '../../model/quiet-settings.ts';
import { writeTreeAtomically } from '../../output/write-tree.ts';
import type { CommandOutcome } from '../exit-codes.ts';
import type { ConfigOptions } from '../options.ts';
import { stoppableBySignals } from '../stop-signals.ts';
import { generationSummary } from '../summary.ts';

export async function generateAction(options: ConfigOptions, outcome: CommandOutcome): Promise<void> {
  const generation = await generate(options.config, options.out);
  for (const warning of quietSettingWarnings(generation.loaded)) console.error(warning);
  const named = {
    key: options.out === undefined ? 'output.dir' : '--out',
    configFile: generation.loaded.configFile,
  } as const;
  const where = displayPath(generation.outDir);
  const written = await stoppableBySignals((abort) =>
    writeTreeAtomically(generation.outDir, generation.tree, named, abort),
  );
  if ('stopped' in written) {
    console.error(`headroom: ${written.stopped.message}: ${where} was left as it was, nothing written`);
    outcome.exitCode = written.stopped.exitCode;
    return;
  }
  console.log(`headroom: wrote ${where} (${generationSummary(generation)})`);
}
