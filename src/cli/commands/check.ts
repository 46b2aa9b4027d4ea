import type { Command } from 'commander';
import type { CommandRun } from '../cli-io.ts';
import { configOption, type ConfigOptions, outOption } from '../options.ts';

export function registerCheck(program: Command, run: CommandRun): void {
  program
    .command('check')
    .description('exit 1 when the output folder is not what the config generates')
    .addOption(configOption())
    .addOption(outOption())
    .action(async (options: ConfigOptions) => (await import('../actions/check.ts')).checkAction(options, run));
}
