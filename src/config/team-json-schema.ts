// The JSON Schema of team files, generated from the zod schema so editors validate YAML as headroom does.
import { z } from 'zod';
import { teamSchema } from './team-schema.ts';

export function teamJsonSchema(): string {
  const schema = z.toJSONSchema(teamSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, $id: 'https://headroom.dev/schemas/team.schema.json' }, null, 2)}\n`;
}
