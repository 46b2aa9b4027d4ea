// `headroom schema`: what runs once the command is chosen (../commands/schema.ts declares it).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { teamJsonSchema } from '../../config/team-json-schema.ts';
import type { CommandRun } from '../cli-io.ts';

export function schemaAction(options: { out?: string }, { io }: CommandRun): void {
  if (options.out) writeFileSync(resolve(io.cwd, options.out), teamJsonSchema());
  else io.stdout.write(teamJsonSchema());
}
