// The published JSON Schema of team files is generated from the zod schema and must not drift from it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { teamJsonSchema } from '../../src/config/team-json-schema.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

describe('schemas/team.schema.json', () => {
  it('is what `headroom schema` prints (run `npm run schema` after changing the team schema)', () => {
    expect(readFileSync(join(REPO_ROOT, 'schemas/team.schema.json'), 'utf8')).toBe(teamJsonSchema());
  });

  it('rejects unknown keys and describes the override fields editors complete', () => {
    const schema = JSON.parse(teamJsonSchema());
    expect(schema.required).toEqual(['name']);
    expect(schema.additionalProperties).toBe(false);
    const nearLimit = schema.properties.alerts.properties.containerMemoryNearLimit;
    expect(nearLimit.additionalProperties).toBe(false);
    expect(nearLimit.properties.threshold).toMatchObject({ type: 'number', exclusiveMinimum: 0, maximum: 1 });
    expect(nearLimit.properties.severity.enum).toEqual(['critical', 'warning', 'info']);
  });

  it('is referenced by every example team file', () => {
    const dir = join(REPO_ROOT, 'teams');
    for (const file of readdirSync(dir)) {
      expect(readFileSync(join(dir, file), 'utf8'), file).toMatch(
        /^# yaml-language-server: \$schema=\.\.\/schemas\/team\.schema\.json$/m,
      );
    }
  });
});
