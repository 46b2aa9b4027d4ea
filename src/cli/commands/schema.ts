import { type Command, Option } from 'commander';
import type { CommandRun } from '../cli-io.ts';

export function registerSchema(program: Command, run: CommandRun): void {
  program
    .command('schema')
    .description('print (or write) the JSON Schema of team files')
    .addOption(new Option('-o, --out <file>', 'write to this file instead of stdout'))
    .action(async (options: { out?: string }) => (await import('../actions/schema.ts')).schemaAction(options, run));
}
