// `headroom validate`: what runs once the command is chosen (../commands/validate.ts declares it).
import { displayPath } from '../../config/display-path.ts';
import { InputError } from '../../config/input-error.ts';
import { generate } from '../../generate.ts';
import { quietSettingWarnings } from '../../model/quiet-settings.ts';
import { lintTree } from '../../mixin/lint-tree.ts';
import { type CommandRun, printLine } from '../cli-io.ts';
import { againstWorkingDirectory, type ConfigOptions } from '../options.ts';
import { generationSummary } from '../summary.ts';

export async function validateAction(options: ConfigOptions, { io }: CommandRun): Promise<void> {
  const generation = await generate(againstWorkingDirectory(options, io.cwd).config);
  for (const warning of quietSettingWarnings(generation.loaded)) printLine(io.stderr, warning);
  // The rules it would write must follow the monitoring-mixin guidelines (as `mixtool lint` checks them).
  const lintProblems = lintTree(generation.tree);
  if (lintProblems.length > 0) throw new InputError(lintProblems);
  const teams = generation.loaded.teams.length;
  const configFile = displayPath(generation.loaded.configFile);
  printLine(io.stdout, `headroom: ${configFile} is valid: ${teams} teams (${generationSummary(generation)})`);
}
