import type { Command } from 'commander';
import type { BacktestCommandOptions } from '../actions/backtest.ts';
import type { CommandRun } from '../cli-io.ts';
import { backtestRunOptions, configOption, formatOption, storeOptions } from '../options.ts';

export function registerBacktest(program: Command, run: CommandRun): void {
  const command = program
    .command('backtest')
    .description(
      "evaluate every enabled alert over the past against the live store (headroom's recording rules inlined, " +
        "Prometheus' `for` at the rule interval) and report the alerts each team would have got",
    )
    .addOption(configOption());
  for (const option of [...storeOptions(), ...backtestRunOptions()]) command.addOption(option);
  command
    .addOption(formatOption())
    .action(async (options: BacktestCommandOptions) =>
      (await import('../actions/backtest.ts')).backtestAction(options, run),
    );
}
