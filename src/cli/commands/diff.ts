import type { Command } from 'commander';
import type { DiffOptions } from '../actions/diff.ts';
import type { CommandRun } from '../cli-io.ts';
import { backtestRunOptions, configOption, formatOption, storeOptions } from '../options.ts';

export function registerDiff(program: Command, run: CommandRun): void {
  const command = program
    .command('diff')
    .description(
      'explain what changes in the generated output: against a git ref (--base), or between two generated folders',
    )
    .argument('[old-dir]', 'generated folder before the change')
    .argument('[new-dir]', 'generated folder after the change')
    .option('-b, --base <git-ref>', 'generate the config as of this ref and as in the work tree, and compare')
    .addOption(configOption())
    .addOption(formatOption())
    .option('--exit-code', 'exit 1 when something changed (like git diff --exit-code)');
  // With a store: every alert whose rules changed is backtested with the old rules and the new (see backtest).
  for (const option of [...storeOptions(), ...backtestRunOptions()]) {
    if (option.long === '--prometheus') {
      option.makeOptionMandatory(false);
      option.description =
        'also backtest every alert whose rules changed, old rules and new, against this query API: ' +
        '"last 7 days: N alerts before → M after"';
    }
    command.addOption(option);
  }
  command.action(async (oldDir: string | undefined, newDir: string | undefined, options: DiffOptions) =>
    (await import('../actions/diff.ts')).diffAction(oldDir, newDir, options, run),
  );
}
