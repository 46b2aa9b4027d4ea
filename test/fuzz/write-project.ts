// Writes an arbitrary project as a user would keep it: headroom.config.ts (an object literal in defineConfig) and
// one YAML file per team under teams/.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { ProjectCase } from './arbitraries.ts';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A TypeScript object literal, one key per line, keys unquoted where they can be (as people write them). */
export function typescriptLiteral(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${typescriptLiteral(item, inner)},`).join('\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const key = (name: string) => (IDENTIFIER.test(name) ? name : JSON.stringify(name));
    const lines = entries.map(([name, item]) => `${inner}${key(name)}: ${typescriptLiteral(item, inner)},`);
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

export function configSource(config: Record<string, unknown>): string {
  return `import { defineConfig } from 'headroom';\n\nexport default defineConfig(${typescriptLiteral(config)});\n`;
}

export function teamSource(team: Record<string, unknown>): string {
  return stringify(team, { lineWidth: 0 });
}

/** A fresh temp folder holding the project; returns the config file's path. */
export function writeProject(project: ProjectCase, parent = tmpdir()): string {
  const dir = mkdtempSync(join(parent, 'headroom-fuzz-'));
  writeFileSync(join(dir, 'headroom.config.ts'), configSource(project.config));
  mkdirSync(join(dir, 'teams'));
  for (const { file, team } of project.teamFiles) writeFileSync(join(dir, 'teams', file), teamSource(team));
  return join(dir, 'headroom.config.ts');
}
