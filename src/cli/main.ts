// The `headroom` command: generate, check, validate, schema. Exit codes: 0 fine, 1 check found a difference,
// 2 bad input (config, team files, flags); nothing is written when the exit code is not 0.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { InputError } from '../config/input-error.ts';
import { teamJsonSchema } from '../config/team-json-schema.ts';
import { generate, type Generation } from '../generate.ts';
import { compareTree, isSame } from '../output/compare-tree.ts';
import { writeTreeAtomically } from '../output/write-tree.ts';
import { isAlertingRule } from '../rules/rule-types.ts';
import { ruleGroups } from '../rules/rule-groups.ts';

export const EXIT_DIFFERENT = 1;
export const EXIT_BAD_INPUT = 2;

interface GenerateOptions {
  config: string;
  out?: string;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('headroom')
    .description('Kubernetes memory alerts (PrometheusRule) and dashboards from one typed config')
    .exitOverride()
    .showHelpAfterError('(run `headroom --help` for usage)')
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  const configOption = () => new Option('-c, --config <path>', 'config file').default('headroom.config.ts');
  const outOption = () => new Option('-o, --out <dir>', "output folder (default: the config's output.dir)");

  program
    .command('generate')
    .description('write the generated files (atomically: all or nothing)')
    .addOption(configOption())
    .addOption(outOption())
    .action(async (options: GenerateOptions) => {
      const generation = await generate(options.config, options.out);
      writeTreeAtomically(generation.outDir, generation.tree);
      console.log(`headroom: wrote ${generation.tree.size} files to ${shown(generation.outDir)} (${summary(generation)})`);
    });

  program
    .command('check')
    .description('exit 1 when the output folder is not what the config generates')
    .addOption(configOption())
    .addOption(outOption())
    .action(async (options: GenerateOptions) => {
      const generation = await generate(options.config, options.out);
      const difference = compareTree(generation.outDir, generation.tree);
      if (isSame(difference)) {
        console.log(`headroom: ${shown(generation.outDir)} is up to date (${summary(generation)})`);
        return;
      }
      const lines = [
        ...difference.changed.map((path) => `  changed: ${path}`),
        ...difference.missing.map((path) => `  missing: ${path}`),
        ...difference.extra.map((path) => `  not generated: ${path}`),
      ];
      console.error(`headroom: ${shown(generation.outDir)} is stale:\n${lines.join('\n')}\nRun \`npm run generate\` and commit the result.`);
      exitCode = EXIT_DIFFERENT;
    });

  program
    .command('validate')
    .description('check the config and team files without writing anything')
    .addOption(configOption())
    .action(async (options: GenerateOptions) => {
      const generation = await generate(options.config);
      console.log(`headroom: ${shown(generation.loaded.configFile)} is valid: ${generation.loaded.teams.length} teams (${summary(generation)})`);
    });

  program
    .command('schema')
    .description('print (or write) the JSON Schema of team files')
    .addOption(new Option('-o, --out <file>', 'write to this file instead of stdout'))
    .action((options: { out?: string }) => {
      if (options.out) writeFileSync(options.out, teamJsonSchema());
      else process.stdout.write(teamJsonSchema());
    });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    if (error instanceof InputError) {
      console.error(`headroom: invalid input, nothing written:\n${error.message}`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}

function summary({ model }: Generation): string {
  const rules = ruleGroups(model).flatMap((group) => group.rules);
  const alerts = rules.filter(isAlertingRule).length;
  return `${alerts} alerting and ${rules.length - alerts} recording rules`;
}

function shown(path: string): string {
  return relative(process.cwd(), path) || '.';
}
