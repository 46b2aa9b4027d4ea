import type { Command } from 'commander';
import type { DoctorOptions } from '../actions/doctor.ts';
import type { CommandRun } from '../cli-io.ts';
import { configOption, formatOption, storeOptions } from '../options.ts';

export function registerDoctor(program: Command, run: CommandRun): void {
  const command = program
    .command('doctor')
    .description(
      'ask the live metrics store whether every enabled alert sees the series it reads, per cluster, and how ' +
        'your stack fixes what is missing (exit 1: some alert is blind)',
    )
    .addOption(configOption());
  for (const option of storeOptions()) command.addOption(option);
  command
    .addOption(formatOption())
    .action(async (options: DoctorOptions) => (await import('../actions/doctor.ts')).doctorAction(options, run));
}
