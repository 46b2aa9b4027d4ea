// The pull-request comment: warnings first, the summary as lists, the unified diff folded in <details>.
// The first line is a hidden marker, so a CI job can find and update its earlier comment.
//
// GitHub refuses a comment longer than 65,536 characters, and a change of a default at 1,000 teams is longer. A
// report that does not fit is laid out summary first (headline, warnings, notes), then every section folded in
// <details> and cut where the room ends, each cut saying how much is left out, with a pointer to the full report
// (the CI run's artifact).
import type { Description } from './describe.ts';
import type { DiffReport } from './report.ts';
import { plural } from './wording.ts';
import { escapeMarkdown } from '../values/markdown.ts';

export const MARKDOWN_MARKER = '<!-- headroom-diff -->';
/** GitHub's limit for a comment body, in characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** The unified diff alone is cut here even when the comment fits: the summary is what a reviewer reads. */
const MAX_DIFF_CHARS = 50_000;
/** Of a comment cut to fit, at most this share goes to warnings, so that the summary's sections show too. */
const WARNING_SHARE = 0.4;

interface MarkdownOptions {
  /** Longest comment to write. Counted in UTF-8 bytes, never fewer than characters: it fits however GitHub counts. */
  limit?: number;
  /** Where the full report is, said where the comment is cut: "the headroom-diff artifact of [this run](…)". */
  fullReport?: string;
}

export function formatMarkdown(report: DiffReport, description: Description, options: MarkdownOptions = {}): string {
  const limit = options.limit ?? GITHUB_COMMENT_LIMIT;
  const whole = wholeComment(report, description);
  return size(whole) <= limit ? whole : cutComment(report, description, limit, options.fullReport);
}

/** The comment as it is when it fits: warnings, notes, sections as lists, the diff folded. */
function wholeComment(report: DiffReport, description: Description): string {
  const out: string[] = [MARKDOWN_MARKER, `### ${escapeMarkdown(description.headline)}`];
  if (description.warnings.length > 0) out.push('', ...warningBlock(description.warnings));
  for (const note of description.notes) out.push('', `> [!NOTE]`, `> ${escapeMarkdown(note)}`);
  for (const section of description.sections)
    out.push('', `**${section.title}**`, '', ...section.lines.map((line) => `- ${escapeMarkdown(line)}`));
  const patches = patchText(report);
  if (patches !== '') {
    const cut = patches.length > MAX_DIFF_CHARS;
    const shown = cut ? patches.slice(0, patches.lastIndexOf('\n', MAX_DIFF_CHARS) + 1) : patches;
    out.push(
      '',
      '<details><summary>Unified diff of the generated files</summary>',
      '',
      '````diff',
      shown.replace(/\n$/, ''),
      '````',
      '',
    );
    if (cut) out.push(`Cut at ${MAX_DIFF_CHARS} characters: run \`npx headroom diff\` locally for the rest.`, '');
    out.push('</details>');
  }
  return `${out.join('\n')}\n`;
}

/**
 * The comment cut to `limit`: the summary first, then each section folded and filled while room is left. Every
 * block is closed whatever is cut, so the markdown stays well-formed.
 */
function cutComment(
  report: DiffReport,
  description: Description,
  limit: number,
  fullReport: string | undefined,
): string {
  const pointer = `The full report: ${fullReport ?? 'run `npx headroom diff` with the same arguments'}.`;
  const head = [
    MARKDOWN_MARKER,
    `### ${escapeMarkdown(description.headline)}`,
    '',
    '> [!NOTE]',
    `> This comment is cut to fit GitHub's limit of ${GITHUB_COMMENT_LIMIT.toLocaleString('en-US')} characters: the ` +
      `summary first, the rest folded and cut. ${pointer}`,
  ].join('\n');
  const budget = new Budget(limit - size(head) - 1);
  const blocks: string[] = [head];
  const add = (block: string) => {
    budget.take(block);
    blocks.push(block);
  };
  if (description.warnings.length > 0) {
    const room = Math.min(budget.left - 2, Math.floor(limit * WARNING_SHARE));
    const more = (n: number) => `> - … and ${plural(n, 'more warning')} in the full report`;
    add(`\n${listWithin(warningBlock(description.warnings), room, more)}`);
  }
  for (const note of description.notes) {
    const block = `\n> [!NOTE]\n> ${escapeMarkdown(note)}`;
    if (budget.fits(block)) add(block);
  }
  const sections = [
    ...description.sections.map((section) => ({
      title: section.title,
      lines: section.lines.map((line) => `- ${escapeMarkdown(line)}`),
      fence: false,
    })),
  ];
  const patches = patchText(report);
  if (patches !== '')
    sections.push({
      title: 'Unified diff of the generated files',
      lines: ['````diff', ...patches.replace(/\n$/, '').split('\n')],
      fence: true,
    });
  // A section with no room left is still named, so room is kept for naming the ones after it.
  const skipped = sections.map(
    (section) =>
      `\n<details><summary>${section.title}: in the full report ` +
      `(${plural(section.lines.length - (section.fence ? 1 : 0), 'line')})</summary>\n\n</details>`,
  );
  sections.forEach((section, k) => {
    const open =
      `\n<details><summary>${section.title} ` +
      `(${plural(section.lines.length - (section.fence ? 1 : 0), 'line')})</summary>\n`;
    const close = `${section.fence ? '\n````' : ''}\n\n</details>`;
    const missing = (n: number) =>
      section.fence
        ? `\`\`\`\`\n\n… ${plural(n, 'more line')} in the full report`
        : `- … ${plural(n, 'more line')} in the full report`;
    const later = skipped.slice(k + 1).reduce((sum, text) => sum + size(text) + 1, 0);
    // Room for the frame and the line that says what is left out.
    const room = budget.left - later - size(open) - size(close) - 80;
    if (room < 200) {
      if (budget.fits(skipped[k]!)) add(skipped[k]!);
      return;
    }
    const body = listWithin(section.lines, room, missing);
    // A fenced body cut short already closed its fence in `missing`.
    const closed = section.fence && body.endsWith('in the full report') ? `\n\n</details>` : close;
    add(`${open}\n${body}${closed}`);
  });
  return `${blocks.join('\n')}\n`;
}

/** Lines joined while they fit in `room`, then a line saying how many were left out (`missing`), which always fits. */
function listWithin(lines: string[], room: number, missing: (count: number) => string): string {
  const kept: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const reserve = i === lines.length - 1 ? 0 : size(missing(lines.length - i)) + 1;
    if (used + size(line) + 1 + reserve > room) return [...kept, missing(lines.length - i)].join('\n');
    kept.push(line);
    used += size(line) + 1;
  }
  return kept.join('\n');
}

class Budget {
  constructor(public left: number) {}

  fits(text: string): boolean {
    return size(text) + 1 <= this.left;
  }

  take(text: string): void {
    this.left -= size(text) + 1;
  }
}

function size(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function warningBlock(warnings: string[]): string[] {
  return ['> [!WARNING]', '> **Check before approving:**', ...warnings.map((line) => `> - ${escapeMarkdown(line)}`)];
}

function patchText(report: DiffReport): string {
  return report.files
    .filter((file) => file.patch !== '')
    .map((file) => file.patch)
    .join('');
}
