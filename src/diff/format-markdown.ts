// The pull-request comment: warnings first, the summary as lists, the unified diff folded in <details>.
// The first line is a hidden marker, so a CI job can find and update its earlier comment.
import type { Description } from './describe.ts';
import type { DiffReport } from './report.ts';

export const MARKDOWN_MARKER = '<!-- headroom-diff -->';
/** GitHub refuses comments above 65,536 characters; the diff is cut to stay below. */
const MAX_DIFF_CHARS = 50_000;

export function formatMarkdown(report: DiffReport, description: Description): string {
  const out: string[] = [MARKDOWN_MARKER, `### ${escape(description.headline)}`];
  if (description.warnings.length > 0) {
    out.push('', '> [!WARNING]', '> **Check before approving:**', ...description.warnings.map((line) => `> - ${escape(line)}`));
  }
  for (const note of description.notes) out.push('', `> [!NOTE]`, `> ${escape(note)}`);
  for (const section of description.sections) out.push('', `**${section.title}**`, '', ...section.lines.map((line) => `- ${escape(line)}`));
  const patches = report.files.filter((file) => file.patch !== '').map((file) => file.patch).join('');
  if (patches !== '') {
    const cut = patches.length > MAX_DIFF_CHARS;
    const shown = cut ? patches.slice(0, patches.lastIndexOf('\n', MAX_DIFF_CHARS) + 1) : patches;
    out.push('', '<details><summary>Unified diff of the generated files</summary>', '', '````diff', shown.replace(/\n$/, ''), '````', '');
    if (cut) out.push(`Cut at ${MAX_DIFF_CHARS} characters: run \`npx headroom diff\` locally for the rest.`, '');
    out.push('</details>');
  }
  return `${out.join('\n')}\n`;
}

/** Backslash before every character markdown could read as markup (`payments-*` must not start emphasis). */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}
