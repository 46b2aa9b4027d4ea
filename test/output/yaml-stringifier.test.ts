// The fast stringifier writes exactly what the yaml package writes, with the options of both of headroom's YAML
// outputs: on arbitrary plain data (strings YAML reads as something else, multi-line ones, keys that need quotes,
// nesting of every kind) and on the files of a generated fleet.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { writeFleetConfig } from '../../bench/fleet-config.ts';
import { generate } from '../../src/generate.ts';
import { SETTINGS_OPTIONS } from '../../src/output/settings-manifest.ts';
import { yamlStringifier } from '../../src/output/yaml-stringifier.ts';
import { YAML_OPTIONS } from '../../src/output/yaml-text.ts';

const OPTIONS = { 'objects (YAML 1.1)': YAML_OPTIONS, 'settings manifest': SETTINGS_OPTIONS };

// Pieces YAML gives meaning to: indicators, numbers and booleans of 1.1 and 1.2, document markers, spaces and
// newlines where they change the form.
const piece = fc.constantFrom(
  'a',
  'team',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\t',
  ':',
  ': ',
  '#',
  ' #',
  '-',
  '- ',
  '?',
  '---',
  '...',
  '%',
  '|',
  '>',
  '"',
  "'",
  '[',
  '{',
  ',',
  '&',
  '*',
  '!',
  '@',
  '`',
  'yes',
  'no',
  'on',
  'Off',
  'y',
  'N',
  'TRUE',
  'False',
  'true',
  'null',
  'NULL',
  '~',
  '0',
  '7',
  '+',
  '_',
  '.',
  '/',
  'e',
  '0o17',
  '0x1f',
  '0b101',
  '1_000',
  '1e3',
  '.5',
  '.inf',
  '.NaN',
  '12:30',
  '2001-12-14',
  't21:59:43.10',
  '\u0007',
  'é',
  '\\',
);
const text = fc.array(piece, { maxLength: 5 }).map((pieces) => pieces.join(''));
const scalar = fc.oneof(
  text,
  fc.constantFrom(0, -0, 1, 0.85, -3.5, 1e21, 1e-7, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(text, fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 4 }),
}));

describe.each(Object.entries(OPTIONS))('yamlStringifier with the options of the %s', (_, options) => {
  const fast = yamlStringifier(options);

  test.prop([value], { numRuns: 2000 })('writes what the yaml package writes', (data) => {
    expect(fast(data)).toBe(stringify(data, options));
  });

  it.each([
    ['a top-level scalar', 'text'],
    ['an empty map', {}],
    ['a map of undefined only', { a: undefined }],
    ['an array with a hole', new Array<number>(3).fill(1, 0, 1)],
    ['an undefined item', [undefined]],
    ['a Date', { at: new Date(0) }],
    ['a Map', { m: new Map([['a', 1]]) }],
    ['a long key', { ['k'.repeat(1100)]: 1 }],
    ['a multi-line key', { 'a\nb': 1 }],
    ['a document marker', { a: ['---x', '...'], '--- k': 1 }],
    ['kept trailing newlines', { a: 'x\n\n', b: ['y\n\n'] }],
    ['a block literal in a list in a list', [[{ a: 'x\ny' }, 'p\n q']]],
  ])('writes %s as the package does', (_, data) => {
    expect(fast(data)).toBe(stringify(data, options));
  });
});

describe('the files of a generated fleet', () => {
  it('read back as the data they were written from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-yaml-stringifier-'));
    const generation = await generate(writeFleetConfig(dir, 60));
    const yamlFiles = [...generation.tree].filter(([path]) => path.endsWith('.yaml'));
    expect(yamlFiles.length).toBeGreaterThan(5);
    // Each file's data, written again by the package with the options of its kind, gives the same text.
    for (const [path, content] of yamlFiles) {
      const options = path === 'headroom-settings.yaml' ? SETTINGS_OPTIONS : YAML_OPTIONS;
      const body = content.replace(/^(#.*\n)+/, '');
      expect(stringify(parse(body, { version: options.version ?? '1.2' }), options), path).toBe(body);
    }
  });
});
