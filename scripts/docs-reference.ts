// The reference tables of docs/ (config keys, team-file keys, every alert's settings), generated from the zod schemas'
// descriptions so the documentation cannot drift from what headroom accepts. Hand-written pages hold the tables between
// markers; `npm run docs` (scripts/write-docs.ts) fills them, test/docs/reference.test.ts fails when a committed page
// differs from what this renders. A development tool, not part of the package: it lives beside the other scripts,
// outside src/ and its layers.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { runbookPath } from '../src/alerts/alert-definition.ts';
import { ALL_ALERTS, type AlertName, alertByKey, DEFAULT_ALERTS } from '../src/alerts/catalogue.ts';
import { configSchema } from '../src/config/schema.ts';
import { teamSchema } from '../src/config/team-schema.ts';

/** The part of a JSON Schema (draft 2020-12, as z.toJSONSchema writes it) the tables read. */
interface JsonSchema {
  type?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

interface Row {
  key: string;
  type: string;
  default: string;
  description: string;
}

type AlertKey = AlertName;

const ALERT_KEYS = Object.keys(DEFAULT_ALERTS) as AlertKey[];

/** The alert a settings key configures, as the catalogue names it: `containerOOMKilled` → `ContainerOOMKilled`. */
export function alertName(key: string): string {
  return alertByKey(key)!.name;
}

/** Every alert of the catalogue: each has a page, docs/alerts/<name lowercased>.md (the runbook URL pattern's %s). */
export const ALERT_NAMES: readonly string[] = ALL_ALERTS.map((alert) => alert.name);

export function alertPage(name: string): string {
  return runbookPath({ name });
}

function jsonSchema(schema: z.ZodType): JsonSchema {
  // `input`: what a user writes, so keys with a default are optional and show it.
  return z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as JsonSchema;
}

function code(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `\`${text}\``;
}

function plural(type: string): string {
  return ['string', 'number', 'boolean', 'object'].includes(type) ? `${type}s` : type;
}

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map(code).join(' | ');
  if (schema.type === 'number') {
    const low = schema.exclusiveMinimum ?? schema.minimum;
    const high = schema.exclusiveMaximum ?? schema.maximum;
    if (low === undefined && high === undefined) return 'number';
    const open = schema.exclusiveMinimum === undefined ? '[' : '(';
    const close = schema.exclusiveMaximum === undefined ? ']' : ')';
    return `number in ${open}${low ?? '-∞'}, ${high ?? '∞'}${close}`;
  }
  if (schema.type === 'array') return `list of ${schema.items ? plural(typeOf(schema.items)) : 'values'}`;
  if (schema.type === 'object') {
    const values = schema.additionalProperties;
    if (typeof values === 'object' && !schema.properties)
      return `map of ${values.type === 'object' ? 'objects' : plural(typeOf(values))}`;
    return 'object';
  }
  return schema.type ?? 'any';
}

/** Markdown table text: `|` never ends the cell; `<name>` outside code spans is shown, not read as an HTML tag. */
function cell(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') ? part : part.replaceAll('<', '&lt;').replaceAll('>', '&gt;')))
    .join('')
    .replaceAll('|', '\\|');
}

interface Walk {
  /** Keys whose objects are documented elsewhere (one row, no descent): `alerts`, the config's `teams`. */
  stopAt: readonly string[];
  /** The default of a key the schema gives none for (alert settings take theirs from DEFAULT_ALERTS). */
  defaultOf?: (path: string[]) => unknown;
  /** A link appended to the description of a key documented elsewhere. */
  seeAlso?: Record<string, string>;
}

/** One row per key, depth first in the schema's order; an object with keys of its own gets a row only if described. */
function rows(schema: JsonSchema, walk: Walk, path: string[] = []): Row[] {
  const found: Row[] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const at = [...path, key];
    const nested = property.type === 'object' && property.properties && !walk.stopAt.includes(at.join('.'));
    const fallback = walk.defaultOf?.(at);
    const required = schema.required?.includes(key) && property.default === undefined;
    const defaultText =
      property.default !== undefined && !nested
        ? code(property.default)
        : fallback !== undefined
          ? code(fallback)
          : required
            ? '(required)'
            : nested && property.default !== undefined
              ? ''
              : '(unset)';
    const seeAlso = walk.seeAlso?.[at.join('.')];
    if (!nested || property.description)
      found.push({
        key: at.join('.'),
        type: typeOf(property),
        default: defaultText,
        description: [property.description, seeAlso].filter(Boolean).join('; '),
      });
    if (nested) found.push(...rows(property, walk, at));
  }
  return found;
}

function table(found: Row[], heading = 'key'): string {
  return [
    `| ${heading} | type | default | description |`,
    '| --- | --- | --- | --- |',
    ...found.map((row) => `| \`${row.key}\` | ${cell(row.type)} | ${cell(row.default)} | ${cell(row.description)} |`),
  ].join('\n');
}

function alertDefault(path: string[]): unknown {
  const [alert, setting] = path;
  return (DEFAULT_ALERTS[alert as AlertKey] as Record<string, unknown> | undefined)?.[setting ?? ''];
}

function alertSettingsSchema(): JsonSchema {
  return jsonSchema(configSchema).properties!.alerts!;
}

/** The settings of one alert, keys relative to the alert (`window`, `evidenceMargin`). */
function alertSettingRows(key: AlertKey): Row[] {
  const settings = alertSettingsSchema().properties![key]!;
  return rows(settings, { stopAt: [], defaultOf: (path) => alertDefault([key, ...path]) });
}

/** What fills each marked region, by the region's name. */
function regionContent(name: string): string {
  const [kind, argument] = name.split(' ');
  if (kind === 'config-keys')
    return table(
      rows(jsonSchema(configSchema), {
        stopAt: ['alerts', 'teams'],
        seeAlso: { alerts: 'see [Alert settings](#alert-settings)', teams: 'see [Team files](team-files.md)' },
      }),
    );
  if (kind === 'team-keys')
    return table(
      rows(jsonSchema(teamSchema), {
        stopAt: ['alerts'],
        seeAlso: { alerts: 'see [Alert settings](configuration.md#alert-settings)' },
      }),
    );
  if (kind === 'alert-settings' && argument === undefined) {
    const all = ALERT_KEYS.flatMap((key) => {
      const alert = alertSettingsSchema().properties![key]!;
      const link = `[${key}](alerts/${key.toLowerCase()}.md)`;
      return [
        `| ${link} | | | ${cell(alert.description ?? '')} |`,
        ...alertSettingRows(key).map(
          (row) => `| \`${key}.${row.key}\` | ${cell(row.type)} | ${cell(row.default)} | ${cell(row.description)} |`,
        ),
      ];
    });
    return ['| setting | type | default | description |', '| --- | --- | --- | --- |', ...all].join('\n');
  }
  if (kind === 'alert-settings' && ALERT_KEYS.includes(argument as AlertKey))
    return table(alertSettingRows(argument as AlertKey), 'setting');
  throw new Error(`unknown generated region "${name}"`);
}

const BEGIN = /<!-- BEGIN generated: ([\w -]+?) \(npm run docs\) -->\n/g;
const END = '<!-- END generated -->';

/** The page with every marked region filled as the schemas say now; a region without its end marker is an error. */
export function renderPage(text: string, page = 'page'): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(BEGIN)) {
    const start = match.index + match[0].length;
    if (start < from) throw new Error(`${page}: a generated region starts inside another`);
    const end = text.indexOf(END, start);
    if (end === -1) throw new Error(`${page}: generated region "${match[1]}" has no ${END}`);
    out += `${text.slice(from, start)}${regionContent(match[1]!)}\n`;
    from = end;
  }
  return out + text.slice(from);
}

/** The regions each page must hold: the reference pages and every alert page with settings. */
function requiredRegions(): Map<string, string[]> {
  return new Map([
    ['docs/configuration.md', ['config-keys', 'alert-settings']],
    ['docs/team-files.md', ['team-keys']],
    ...ALERT_KEYS.map((key) => [alertPage(alertName(key)), [`alert-settings ${key}`]] as [string, string[]]),
  ]);
}

function regionNames(text: string): string[] {
  return [...text.matchAll(BEGIN)].map((match) => match[1]!);
}

/** Every Markdown page of docs/, relative to the repository. */
export function docsPages(root: string): string[] {
  return readdirSync(join(root, 'docs'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

interface RenderedPage {
  path: string;
  committed: string;
  rendered: string;
}

/** Each page of docs/ that holds a generated region, as committed and as rendered now. */
export function renderDocs(root: string): RenderedPage[] {
  const missing = [...requiredRegions()].flatMap(([path, names]) => {
    let text = '';
    try {
      text = readFileSync(join(root, path), 'utf8');
    } catch {
      return [`${path}: missing`];
    }
    const present = regionNames(text);
    return names.filter((name) => !present.includes(name)).map((name) => `${path}: no region "${name}"`);
  });
  if (missing.length > 0) throw new Error(`generated regions missing:\n${missing.join('\n')}`);
  return docsPages(root).flatMap((path) => {
    const committed = readFileSync(join(root, path), 'utf8');
    return regionNames(committed).length === 0 ? [] : [{ path, committed, rendered: renderPage(committed, path) }];
  });
}
