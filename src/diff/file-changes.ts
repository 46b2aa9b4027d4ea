// Which files differ, with a compact unified diff of each (3 lines of context), for reviewers who want the text.
// The hunks are jsdiff's (line-patch.ts computes them as jsdiff does, fast enough for files of megabytes).
import type { GeneratedTree } from '../output/generated-tree.ts';
import { lineHunks } from './line-patch.ts';
import type { FileChange } from './report.ts';

/** An added or removed file longer than this is listed without its text: the summary says what it holds. */
const WHOLE_FILE_LINE_LIMIT = 60;

export function fileChanges(old: GeneratedTree, current: GeneratedTree): FileChange[] {
  const paths = [...new Set([...old.keys(), ...current.keys()])].sort();
  return paths.flatMap((path): FileChange[] => {
    const before = old.get(path);
    const after = current.get(path);
    if (before === after) return [];
    const status = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
    const hunks = lineHunks(before ?? '', after ?? '', 3);
    const lines = hunks.flatMap((hunk) => hunk.lines);
    const added = lines.filter((line) => line.startsWith('+')).length;
    const removed = lines.filter((line) => line.startsWith('-')).length;
    const whole = status !== 'changed' && Math.max(added, removed) > WHOLE_FILE_LINE_LIMIT;
    const side = (content: string | undefined, prefix: string) =>
      content === undefined ? '/dev/null' : `${prefix}/${path}`;
    const header = `--- ${side(before, 'a')}\n+++ ${side(after, 'b')}\n`;
    // As git prints them: an empty side of a hunk starts at the line before it (0 for an empty file).
    const start = (line: number, count: number) => (count === 0 ? line - 1 : line);
    const text = hunks.map(
      (hunk) =>
        `@@ -${start(hunk.oldStart, hunk.oldLines)},${hunk.oldLines} ` +
        `+${start(hunk.newStart, hunk.newLines)},${hunk.newLines} @@\n${hunk.lines.join('\n')}\n`,
    );
    return [{ path, status, added, removed, patch: whole ? '' : header + text.join('') }];
  });
}
