// The format for tools: the report as data, plus what was compared and the summary sentences.
import type { Description } from './describe.ts';
import type { DiffReport } from './report.ts';

export function formatJson(
  report: DiffReport,
  description: Description,
  comparing: { old: string; new: string },
): string {
  return `${JSON.stringify({ old: comparing.old, new: comparing.new, summary: description, ...report }, null, 2)}\n`;
}
