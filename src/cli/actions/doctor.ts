// `headroom doctor`: what runs once the command is chosen (../commands/doctor.ts declares it). The report goes to
// stdout, progress to stderr; exit 1 when some enabled alert is blind, 2 when the store cannot be asked.
import { loadConfig } from '../../config/load-config.ts';
import { resolveModel } from '../../model/resolve-model.ts';
import { anyBlind, doctor } from '../../doctor/doctor.ts';
import { formatReport, type ReportFormat } from '../../doctor/format-report.ts';
import { StoreError } from '../../doctor/store-error.ts';
import { type CliIo, type CommandRun, printLine } from '../cli-io.ts';
import type { Model } from '../../model/model.ts';
import type { DoctorReport } from '../../doctor/findings.ts';
import { EXIT_BAD_INPUT, EXIT_BROKEN_PIPE, EXIT_DIFFERENT } from '../exit-codes.ts';
import { againstWorkingDirectory, type ConfigOptions, type StoreOptions } from '../options.ts';
import { storeApi } from '../store-api.ts';
import { writeStdout } from '../write-stdout.ts';

export interface DoctorOptions extends ConfigOptions, StoreOptions {
  format: ReportFormat;
}

export async function doctorAction(options: DoctorOptions, { io, outcome }: CommandRun): Promise<void> {
  const model = resolveModel(await loadConfig(againstWorkingDirectory(options, io.cwd).config));
  try {
    const report = await ask(model, options, io);
    if ((await writeStdout(formatReport(report, options.format), io.stdout)) === 'closed')
      outcome.exitCode = EXIT_BROKEN_PIPE;
    else if (anyBlind(report)) outcome.exitCode = EXIT_DIFFERENT;
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    printLine(io.stderr, `headroom doctor: ${error.message}`);
    outcome.exitCode = EXIT_BAD_INPUT;
  }
}

function ask(model: Model, options: DoctorOptions, io: CliIo): Promise<DoctorReport> {
  return doctor(model, storeApi(options, io.env), {
    store: options.prometheus,
    progress: (line) => printLine(io.stderr, `headroom doctor: ${line}…`),
  });
}
