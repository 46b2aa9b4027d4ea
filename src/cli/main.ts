// The `headroom` command. Exit codes are in exit-codes.ts; each command is declared in commands/ and does its work
// in actions/, imported only when it runs: start-up loads commander and nothing else (`headroom --help` is fast).
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { InputError } from '../config/input-error.ts';
import { registerCheck } from './commands/check.ts';
import { registerDiff } from './commands/diff.ts';
import { registerGenerate } from './commands/generate.ts';
import { registerImportMixinConfig } from './commands/import-mixin-config.ts';
import { registerSchema } from './commands/schema.ts';
import { registerValidate } from './commands/validate.ts';
import { type CommandOutcome, EXIT_BAD_INPUT, EXIT_OK } from './exit-codes.ts';

export async function main(argv: string[]): Promise<number> {
  const outcome: CommandOutcome = { exitCode: EXIT_OK };
  const program = new Command('headroom')
    .description('Kubernetes memory alerts (PrometheusRule) and dashboards from one typed config')
    .version(packageVersion(), '-V, --version', 'print the version of headroom')
    .exitOverride()
    .showHelpAfterError('(run `headroom --help` for usage)');
  registerGenerate(program, outcome);
  registerCheck(program, outcome);
  registerDiff(program, outcome);
  registerValidate(program);
  registerSchema(program);
  registerImportMixinConfig(program);
  try {
    await program.parseAsync(argv);
    return outcome.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    if (error instanceof InputError) {
      console.error(`headroom: invalid input, nothing written:\n${error.message}`);
      return EXIT_BAD_INPUT;
    }
    // A path that is a file where a folder is expected, a folder named like a team file, a missing parent folder…
    if (isFileSystemError(error)) {
      console.error(`headroom: ${error.message}`);
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
