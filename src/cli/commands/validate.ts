import type { Command } from 'commander';
import type { CommandRun } from '../cli-io.ts';
import { configOption, type ConfigOptions } from '../options.ts';

export function registerValidate(program: Command, run: CommandRun): void {
  program
    .command('validate')
    .description('check the config and team files without writing anything')
    .addOption(configOption())
    .action(async (options: ConfigOptions) => (await import('../actions/validate.ts')).validateAction(options, run));
}
