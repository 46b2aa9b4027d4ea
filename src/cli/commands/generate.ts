import type { Command } from 'commander';
import type { CommandRun } from '../cli-io.ts';
import { configOption, type ConfigOptions, outOption } from '../options.ts';

export function registerGenerate(program: Command, run: CommandRun): void {
  program
    .command('generate')
    .description('write the generated files (atomically: all or nothing)')
    .addOption(configOption())
    .addOption(outOption())
    // The pipeline is imported when the command runs, so `headroom --help` does not pay for it.
    .action(async (options: ConfigOptions) => (await import('../actions/generate.ts')).generateAction(options, run));
}
