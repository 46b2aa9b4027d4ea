// `headroom import-mixin-config`: what runs once the command is chosen (../commands/import-mixin-config.ts
// declares it). kubernetes-mixin's `_config` → a headroom config snippet on stdout (or --out), and on stderr what
// was mapped and what was ignored, with the reason.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { InputError } from '../../config/input-error.ts';
import { yamlLocator } from '../../config/locate-yaml.ts';
import { importMixinConfig, type MixinConfigImport } from '../../mixin/kubernetes-mixin-config.ts';
import { type CommandRun, printLine } from '../cli-io.ts';

export interface ImportOptions {
  format: 'ts' | 'json';
  out?: string;
}

/** `file` is named in messages as given, and read against the working directory. */
export function importMixinConfigAction(file: string, options: ImportOptions, { io }: CommandRun): void {
  const path = resolve(io.cwd, file);
  const imported = importMixinConfig(readJson(path, file));
  if (imported.problems.length > 0)
    throw new InputError(
      imported.problems.map(({ path: key, ...problem }) => ({ file, ...located(path, key), ...problem })),
    );
  const snippet =
    options.format === 'json' ? `${JSON.stringify(imported.config, null, 2)}\n` : typescriptSnippet(file, imported);
  if (options.out) writeFileSync(resolve(io.cwd, options.out), snippet);
  else io.stdout.write(snippet);
  printLine(io.stderr, report(imported));
}

function readJson(path: string, file: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError([{ file, message: `cannot read: ${(error as Error).message}` }]);
  }
  const document = parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    const start = error.linePos?.[0];
    throw new InputError([
      {
        file,
        ...(start ? { position: { line: start.line, column: start.col } } : {}),
        message: `not valid JSON: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
      },
    ]);
  }
  return document.toJS();
}

/** Re-reads the file for positions: only on the error path. */
function located(file: string, key: readonly PropertyKey[]) {
  const lineCounter = new LineCounter();
  const position = yamlLocator(parseDocument(readFileSync(file, 'utf8'), { lineCounter }), lineCounter)(key);
  return position ? { position } : {};
}

function typescriptSnippet(file: string, imported: MixinConfigImport): string {
  return [
    `// headroom settings from kubernetes-mixin's _config (${file}), by \`headroom import-mixin-config\`.`,
    '// Spread them into defineConfig({ ... }) in headroom.config.ts; defaultTeam and links.grafanaUrl have no',
    '// kubernetes-mixin counterpart, e.g.',
    '//   defineConfig({ ...kubernetesMixinSettings, defaultTeam: ..., links: { grafanaUrl: ..., ' +
      '...kubernetesMixinSettings.links } })',
    `export const kubernetesMixinSettings = ${JSON.stringify(imported.config, null, 2)};`,
    '',
  ].join('\n');
}

function report({ mapped, ignored }: MixinConfigImport): string {
  const lines = [`headroom: mapped ${mapped.length} kubernetes-mixin settings:`];
  for (const setting of mapped) {
    lines.push(`  ${setting.mixinKey} → ${setting.headroomKey}: ${setting.value}`);
    if (setting.note) lines.push(`    note: ${setting.note}`);
  }
  lines.push(`ignored ${ignored.length}:`);
  for (const setting of ignored) lines.push(`  ${setting.mixinKey}: ${setting.reason}`);
  return lines.join('\n');
}
