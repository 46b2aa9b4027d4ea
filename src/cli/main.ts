// The `headroom` command. Exit codes are in exit-codes.ts; each command is declared in commands/ and does its work
// in actions/, imported only when it runs: start-up loads commander and nothing else (`headroom --help` is fast).
// `main` returns the exit code and writes only through `io` (bin/headroom.js passes the real process's), so that
// tests run it in-process; it never changes process.exitCode nor the process's working directory.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { inWorkingDirectory } from '../config/display-path.ts';
import { InputError } from '../config/input-error.ts';
import { type CliIo, printLine } from './cli-io.ts';
import { registerBacktest } from './commands/backtest.ts';
import { registerCheck } from './commands/check.ts';
import { registerDiff } from './commands/diff.ts';
import { registerDoctor } from './commands/doctor.ts';
import { registerGenerate } from './commands/generate.ts';
import { registerImportMixinConfig } from './commands/import-mixin-config.ts';
import { registerSchema } from './commands/schema.ts';
import { registerValidate } from './commands/validate.ts';
import { type CommandOutcome, EXIT_BAD_INPUT, EXIT_OK } from './exit-codes.ts';

/** `args`: the arguments after the command's name (process.argv.slice(2)). */
export async function main(args: readonly string[], io: CliIo): Promise<number> {
  const outcome: CommandOutcome = { exitCode: EXIT_OK };
  const program = new Command('headroom')
    .description('Kubernetes memory alerts (PrometheusRule) and dashboards from one typed config')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Help is wrapped to the terminal's width, or to 80 columns when it goes to a pipe or a file.
      getOutHelpWidth: () => (io.stdout.isTTY ? (io.stdout.columns ?? 80) : 80),
      getErrHelpWidth: () => (io.stderr.isTTY ? (io.stderr.columns ?? 80) : 80),
    })
    .version(packageVersion(), '-V, --version', 'print the version of headroom')
    .exitOverride()
    .showHelpAfterError('(run `headroom --help` for usage)');
  const run = { io, outcome };
  registerGenerate(program, run);
  registerCheck(program, run);
  registerDiff(program, run);
  registerValidate(program, run);
  registerDoctor(program, run);
  registerBacktest(program, run);
  registerSchema(program, run);
  registerImportMixinConfig(program, run);
  try {
    await inWorkingDirectory(io.cwd, () => program.parseAsync(args, { from: 'user' }));
    return outcome.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    if (error instanceof InputError) {
      printLine(io.stderr, `headroom: invalid input, nothing written:\n${error.message}`);
      return EXIT_BAD_INPUT;
    }
    // A path that is a file where a folder is expected, a folder named like a team file, a missing parent folder…
    if (isFileSystemError(error)) {
      printLine(io.stderr, `headroom: ${error.message}`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}

/** The package.json beside src/ (and dist/, which sits at the same depth). */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === 'string' &&
    typeof (error as NodeJS.ErrnoException).syscall === 'string'
  );
}
