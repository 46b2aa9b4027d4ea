// What the diff reads from the data generated files were written from is what parsing their text gives: on every
// fixture (PrometheusRule objects, plain and Mimir rule files, Alertmanager routes and objects, dashboards' config
// maps, the settings manifest) and a fleet; strings that look like other types included.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { writeFleetConfig } from '../../bench/fleet-config.ts';
import { readManifest } from '../../src/diff/read-manifest.ts';
import { treeDocuments } from '../../src/diff/tree-documents.ts';
import { readBack } from '../../src/diff/written-data.ts';
import { generate, type Generation } from '../../src/generate.ts';
import { SETTINGS_OPTIONS } from '../../src/output/settings-manifest.ts';
import { YAML_OPTIONS } from '../../src/output/yaml-text.ts';
import { generateFixture } from '../helpers/generate-fixture.ts';

const generations: [string, () => Promise<Generation>][] = [
  ...['example', 'fleet', 'routing', 'rule-files', 'scoped-labels', 'cadvisor-limits'].map(
    (fixture): [string, () => Promise<Generation>] => [fixture, () => generateFixture(fixture)],
  ),
  ['a fleet of 40 teams', () => generate(writeFleetConfig(mkdtempSync(join(tmpdir(), 'headroom-written-')), 40))],
];

describe.each(generations)('the files generated from %s', (_, generation) => {
  it('read from their data as from their text', async () => {
    const { tree, data } = await generation();
    expect(data.size).toBeGreaterThan(3);
    // Most files are read from their data: the comparison below is not parsing against parsing.
    expect([...data.values()].filter((value) => readBack(value) !== undefined).length).toBe(data.size);
    expect(treeDocuments(tree, data)).toEqual(treeDocuments(tree));
    expect(readManifest(tree, data)).toEqual(readManifest(tree));
  });
});

describe('readBack', () => {
  it('drops undefined entries, as the YAML written has none', () => {
    expect(readBack({ a: 1, b: undefined, c: [{ d: undefined, e: 'x' }] })).toEqual({ a: 1, c: [{ e: 'x' }] });
  });

  it.each([
    ['an undefined item', [undefined]],
    ['a Date', { at: new Date(0) }],
    ['a Map', { m: new Map() }],
  ])('leaves %s to the parser', (_, value) => {
    expect(readBack(value)).toBeUndefined();
  });

  // What readBack relies on: what either writer writes, the diff's parser (YAML 1.2) reads as it was, strings that
  // look like numbers, booleans or null included (the objects' YAML 1.1 writer quotes 1.2's `0o17` on purpose).
  const scalarText = fc
    .array(fc.constantFrom('0', '1', '9', '.', 'e', 'E', '+', '-', '_', 'x', 'o', 'b', 'a', 'f', 'n', 'N', 'I', 'T'), {
      minLength: 1,
      maxLength: 6,
    })
    .map((chars) => chars.join(''));
  const scalar = fc.oneof(
    scalarText,
    fc.constantFrom('~', 'null', 'True', 'yes', 'off', '.inf', '-.Inf', '.NaN', '0o17', '0x1F', '1_000', '12:30'),
    fc.double(),
    fc.integer(),
  );
  test.prop([scalar, fc.constantFrom(YAML_OPTIONS, SETTINGS_OPTIONS)], { numRuns: 3000 })(
    'a scalar or key written by either writer reads back as itself',
    (value, options) => {
      const written = { value, [String(value)]: 1 };
      expect(parse(stringify(written, options))).toEqual(readBack(written));
    },
  );
});
