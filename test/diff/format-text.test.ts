// Colour in the terminal format: for a TTY unless NO_COLOR or TERM=dumb, anywhere with FORCE_COLOR; on the right lines.
import { describe, expect, it } from 'vitest';
import { describe as describeReport } from '../../src/diff/describe.ts';
import { diffTrees } from '../../src/diff/diff-trees.ts';
import { formatText, wantsColour } from '../../src/diff/format-text.ts';

describe('text format colour', () => {
  it('wants colour on a TTY unless NO_COLOR is set to something', () => {
    expect(wantsColour({ isTTY: true }, {})).toBe(true);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(wantsColour({ isTTY: false }, {})).toBe(false);
    expect(wantsColour({}, {})).toBe(false);
  });

  it('TERM=dumb: no colour on a terminal', () => {
    expect(wantsColour({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(wantsColour({ isTTY: true }, { TERM: 'xterm-256color' })).toBe(true);
  });

  it('FORCE_COLOR set and not "0": colour into a pipe too, over NO_COLOR and TERM=dumb; "0" or "false": none', () => {
    expect(wantsColour({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(wantsColour({}, { FORCE_COLOR: '' })).toBe(true);
    expect(wantsColour({}, { FORCE_COLOR: '3', NO_COLOR: '1', TERM: 'dumb' })).toBe(true);
    expect(wantsColour({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
    expect(wantsColour({ isTTY: true }, { FORCE_COLOR: 'false' })).toBe(false);
  });

  it('paints removed lines red and added lines green, and nothing without colour', () => {
    const report = diffTrees(
      { name: 'a', tree: new Map([['f.yaml', 'x: 1\n']]) },
      { name: 'b', tree: new Map([['f.yaml', 'x: 2\n']]) },
    );
    const description = describeReport(report, 'a → b');
    const plain = formatText(report, description, false);
    expect(plain).toContain('\n-x: 1\n+x: 2\n');
    expect(plain).not.toContain('\u001b[');
    const coloured = formatText(report, description, true);
    expect(coloured).toContain('\u001b[31m-x: 1\u001b[39m\n\u001b[32m+x: 2\u001b[39m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });
});
