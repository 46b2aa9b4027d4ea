import type { Command } from 'commander';
import { InputError } from '../../config/input-error.ts';
import { generate } from '../../generate.ts';
import { lintTree } from '../../mixin/lint-tree.ts';
import { configOption, type ConfigOptions } from '../options.ts';
import { displayPath } from '../../config/display-path.ts';
import { generationSummary } from '../summary.ts';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check the config and team files without writing anything')
    .addOption(configOption())
    .action(async (options: ConfigOptions) => {
      const generation = await generate(options.config);
      // The rules it would write must follow the monitoring-mixin guidelines (as `mixtool lint` checks them).
      const lintProblems = lintTree(generation.tree);
      if (lintProblems.length > 0) throw new InputError(lintProblems);
      const teams = generation.loaded.teams.length;
      console.log(`headroom: ${displayPath(generation.loaded.configFile)} is valid: ${teams} teams (${generationSummary(generation)})`);
    });
}
