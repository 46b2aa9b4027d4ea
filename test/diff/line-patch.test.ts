// The line patch is jsdiff's structuredPatch, hunk for hunk: on texts of few distinct lines (many equally short edit
// scripts, so the choice between them shows), with and without a last line break, with CRLF, at every context.
import { fc, test } from '@fast-check/vitest';
import { structuredPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { lineHunks } from '../../src/diff/line-patch.ts';

const jsdiff = (before: string, after: string, context: number) =>
  structuredPatch('a', 'b', before, after, undefined, undefined, { context }).hunks;

const line = fc.constantFrom('a', 'b', 'c', '', '  x: 1', 'a\r');
const text = fc
  .tuple(fc.array(line, { maxLength: 40 }), fc.boolean())
  .map(([lines, lastBreak]) => lines.join('\n') + (lastBreak && lines.length > 0 ? '\n' : ''));

describe('lineHunks', () => {
  test.prop([text, text, fc.integer({ min: 0, max: 4 })], { numRuns: 3000 })(
    "are jsdiff's hunks of two texts",
    (before, after, context) => {
      expect(lineHunks(before, after, context)).toEqual(jsdiff(before, after, context));
    },
  );

  test.prop([text, fc.array(fc.tuple(fc.nat(), fc.constantFrom('a', 'b', 'z', '')), { maxLength: 6 })], {
    numRuns: 1000,
  })("are jsdiff's hunks of a text and a few edits of it", (before, edits) => {
    const lines = before.split('\n');
    for (const [at, replacement] of edits)
      lines.splice(at % (lines.length + 1), replacement === '' ? 1 : 0, replacement);
    const after = lines.join('\n');
    expect(lineHunks(before, after, 3)).toEqual(jsdiff(before, after, 3));
  });

  it('of 5,000 lines of repeated blocks with every fifth line changed (a search of 2,000 rounds)', () => {
    const block = ['team:', '  alerts:', '    enabled: true', '    threshold: 0.85', '    for: 5m'];
    const before = Array.from({ length: 1000 }, (_, i) => [`t${i % 7}`, ...block.slice(1)].join('\n')).join('\n');
    const after = before.replaceAll('threshold: 0.85', 'threshold: 0.9');
    expect(lineHunks(before, after, 3)).toEqual(jsdiff(before, after, 3));
  });

  it('of a file added, removed, emptied', () => {
    for (const [before, after] of [
      ['', 'a\nb\n'],
      ['a\nb\n', ''],
      ['a', 'a\n'],
      ['\n\n', '\n'],
    ])
      expect(lineHunks(before!, after!, 3)).toEqual(jsdiff(before!, after!, 3));
  });
});
