import type { Command } from 'commander';
import { generate } from '../../generate.ts';
import { configOption, type ConfigOptions } from '../options.ts';
import { generationSummary, shownPath } from '../summary.ts';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check the config and team files without writing anything')
    .addOption(configOption())
    .action(async (options: ConfigOptions) => {
      const generation = await generate(options.config);
      const teams = generation.loaded.teams.length;
      console.log(`headroom: ${shownPath(generation.loaded.configFile)} is valid: ${teams} teams (${generationSummary(generation)})`);
    });
}
