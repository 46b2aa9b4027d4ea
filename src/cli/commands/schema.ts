import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { teamJsonSchema } from '../../config/team-json-schema.ts';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print (or write) the JSON Schema of team files')
    .addOption(new Option('-o, --out <file>', 'write to this file instead of stdout'))
    .action((options: { out?: string }) => {
      if (options.out) writeFileSync(options.out, teamJsonSchema());
      else process.stdout.write(teamJsonSchema());
    });
}
