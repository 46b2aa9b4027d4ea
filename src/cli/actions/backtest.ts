// `headroom backtest`: what runs once the command is chosen (../commands/backtest.ts declares it). The report goes to
// stdout, progress to stderr; exit 2 when the store cannot be asked (one line).
import { backtest } from '../../backtest/backtest.ts';
import { formatReport, type ReportFormat } from '../../backtest/format-report.ts';
import { tunableAlertGroups } from '../../backtest/tunable-alerts.ts';
import { backtestReport } from '../../backtest/report.ts';
import { loadConfig } from '../../config/load-config.ts';
import { StoreError } from '../../doctor/store-error.ts';
import { resolveModel } from '../../model/resolve-model.ts';
import { number, print } from '../../promql/index.ts';
import { ruleGroups } from '../../rule-groups/rule-groups.ts';
import { backtestSetup } from '../backtest-setup.ts';
import { type CommandRun, printLine } from '../cli-io.ts';
import { EXIT_BAD_INPUT, EXIT_BROKEN_PIPE } from '../exit-codes.ts';
import { againstWorkingDirectory, type BacktestRunOptions, type ConfigOptions, type StoreOptions } from '../options.ts';
import { writeStdout } from '../write-stdout.ts';

export interface BacktestCommandOptions extends ConfigOptions, StoreOptions, BacktestRunOptions {
  format: ReportFormat;
}

export async function backtestAction(options: BacktestCommandOptions, { io, outcome }: CommandRun): Promise<void> {
  const model = resolveModel(await loadConfig(againstWorkingDirectory(options, io.cwd).config));
  try {
    const setup = backtestSetup(options, io, 'backtest');
    // Whether the store answers at all, before any progress is shown: a store that cannot be asked is one line.
    await setup.api.query(print(number(1)));
    const result = await backtest(tunableAlertGroups(ruleGroups(model)), setup.api, setup.options);
    const report = backtestReport(result, {
      store: setup.api.store,
      interval: options.interval,
      queries: setup.api.queries,
      ...(model.clusterLabel === undefined ? {} : { clusterLabel: model.clusterLabel }),
    });
    if ((await writeStdout(formatReport(report, options.format), io.stdout)) === 'closed')
      outcome.exitCode = EXIT_BROKEN_PIPE;
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    printLine(io.stderr, `headroom backtest: ${error.message}`);
    outcome.exitCode = EXIT_BAD_INPUT;
  }
}
