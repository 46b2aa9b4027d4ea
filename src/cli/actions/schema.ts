// `headroom schema`: what runs once the command is chosen (../commands/schema.ts declares it).
import { writeFileSync } from 'node:fs';
import { teamJsonSchema } from '../../config/team-json-schema.ts';

export function schemaAction(options: { out?: string }): void {
  if (options.out) writeFileSync(options.out, teamJsonSchema());
  else process.stdout.write(teamJsonSchema());
}
