// The terminal format: the summary, then the unified diff. Colour on a terminal, as the environment allows
// (wantsColour).
import type { Description } from './describe.ts';
import type { DiffReport } from './report.ts';

const STYLES = {
  bold: [1, 22],
  yellow: [33, 39],
  red: [31, 39],
  green: [32, 39],
  cyan: [36, 39],
  dim: [2, 22],
} as const;
type Style = keyof typeof STYLES;

export function formatText(report: DiffReport, description: Description, colour: boolean): string {
  const paint = (style: Style, text: string) =>
    colour ? `\u001b[${STYLES[style][0]}m${text}\u001b[${STYLES[style][1]}m` : text;
  const out: string[] = [paint('bold', description.headline)];
  if (description.warnings.length > 0) {
    out.push(
      '',
      paint('bold', paint('yellow', 'Warnings')),
      ...description.warnings.map((line) => paint('yellow', `  ! ${line}`)),
    );
  }
  for (const note of description.notes) out.push('', paint('dim', `Note: ${note}`));
  for (const section of description.sections)
    out.push('', paint('bold', section.title), ...section.lines.map((line) => `  ${line}`));
  const patches = report.files.filter((file) => file.patch !== '');
  if (patches.length > 0) {
    out.push('', paint('bold', 'Diff'));
    for (const line of patches
      .map((file) => file.patch)
      .join('')
      .replace(/\n$/, '')
      .split('\n'))
      out.push(diffLine(line, paint));
  }
  return `${out.join('\n')}\n`;
}

function diffLine(line: string, paint: (style: Style, text: string) => string): string {
  if (line.startsWith('+++') || line.startsWith('---')) return paint('bold', line);
  if (line.startsWith('@@')) return paint('cyan', line);
  if (line.startsWith('+')) return paint('green', line);
  if (line.startsWith('-')) return paint('red', line);
  return line;
}

/**
 * Colour as the conventions say: FORCE_COLOR set to anything but "0" or "false" forces it, even into a pipe or a file
 * (and wins over NO_COLOR, as in Node itself); else NO_COLOR set to anything non-empty (https://no-color.org) or
 * TERM=dumb turns it off; else colour exactly when the output is a terminal.
 */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}
