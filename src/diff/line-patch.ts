// The hunks of jsdiff's structuredPatch (diffLines, then its hunks), computed the way jsdiff computes them: the same
// greedy search for a shortest edit script over lines (Myers), the same choice between equally short ones, the same
// hunks, so the patch text is jsdiff's to the byte. jsdiff keeps every candidate path of the search as objects, which
// cost 40 s and a GB for the 7 MB settings file of 5,000 teams with one default changed (22,500 lines edited); here a
// line is a number, a step of the search one bit, and the path is read back from the bits at the end. A search that
// would need more bits than MAX_BITS is left to jsdiff itself (as slow as ever, and as exact).
import { structuredPatch } from 'diff';

interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: string[];
}

/** One run of the edit script: lines kept, added or removed (jsdiff's change objects, lines instead of text). */
interface Run {
  added: boolean;
  removed: boolean;
  lines: string[];
}

/** A diagonal without a path (positions are -1 and up). */
const NONE = -2;

/** 256 MiB of search steps: an edit script of about 65,000 lines in one file. */
const MAX_BITS = 2 ** 31;

/** structuredPatch(…, before, after, …, { context }).hunks. */
export function lineHunks(before: string, after: string, context: number): Hunk[] {
  const oldLines = lineTokens(before);
  const newLines = lineTokens(after);
  const runs = editScript(oldLines, newLines);
  if (runs === undefined) return structuredPatch('', '', before, after, undefined, undefined, { context }).hunks;
  return hunksOf(runs, context);
}

/**
 * jsdiff's line tokens (diff/line.js, tokenize, which splits on `\n` and `\r\n` and keeps each break with its line):
 * each line up to and with its `\n`, a last line without one.
 */
function lineTokens(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    lines.push(text.slice(start, end + 1));
    start = end + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/**
 * jsdiff's search (diff/base.js, diffWithOptionsObj) step for step: round d extends the furthest path of every
 * diagonal k by one insertion (from k + 1) or removal (from k - 1), preferring the insertion only when removing would
 * leave the old text's end or the insertion's path reached further into it, then follows the lines both sides share.
 * Each choice is one bit; the path that reaches both ends first is read back from them. undefined: too large a search.
 */
function editScript(oldTokens: string[], newTokens: string[]): Run[] | undefined {
  const ids = new Map<string, number>();
  const idOf = (line: string) => {
    let id = ids.get(line);
    if (id === undefined) {
      id = ids.size;
      ids.set(line, id);
    }
    return id;
  };
  const a = Int32Array.from(oldTokens, idOf);
  const b = Int32Array.from(newTokens, idOf);
  const oldLen = a.length;
  const newLen = b.length;
  let start = -1;
  while (start + 1 < newLen && start + 1 < oldLen && a[start + 1] === b[start + 1]) start++;
  if (start + 1 >= oldLen && start + 1 >= newLen) return runsOf(oldTokens, newTokens, []);
  // Furthest old position per diagonal (offset by `mid`); NONE where the diagonal holds no path (jsdiff's bestPath).
  const mid = oldLen + newLen + 1;
  const furthest = new Int32Array(2 * mid + 1).fill(NONE);
  furthest[mid] = start;
  /** Bit (d(d+1)/2 + (k + d)/2): the path of round d on diagonal k came by an insertion. */
  let inserted = new Uint8Array(1 << 16);
  let minDiagonal = -mid;
  let maxDiagonal = mid;
  for (let d = 1; d <= oldLen + newLen; d++) {
    const base = (d * (d + 1)) / 2;
    if (base + d + 1 > MAX_BITS) return undefined;
    if ((base + d + 1) >> 3 >= inserted.length) {
      const grown = new Uint8Array(inserted.length * 2);
      grown.set(inserted);
      inserted = grown;
    }
    const last = Math.min(maxDiagonal, d);
    for (let k = Math.max(minDiagonal, -d); k <= last; k += 2) {
      const removeFrom = furthest[mid + k - 1]!;
      const addFrom = furthest[mid + k + 1]!;
      if (removeFrom !== NONE) furthest[mid + k - 1] = NONE;
      const canAdd = addFrom !== NONE && addFrom - k >= 0 && addFrom - k < newLen;
      const canRemove = removeFrom !== NONE && removeFrom + 1 < oldLen;
      if (!canAdd && !canRemove) {
        furthest[mid + k] = NONE;
        continue;
      }
      let oldPos: number;
      if (!canRemove || (canAdd && removeFrom < addFrom)) {
        const bit = base + ((k + d) >> 1);
        inserted[bit >> 3]! |= 1 << (bit & 7);
        oldPos = addFrom;
      } else oldPos = removeFrom + 1;
      // The lines both sides share from here on (jsdiff's extractCommon).
      let newPos = oldPos - k;
      while (newPos + 1 < newLen && oldPos + 1 < oldLen && a[oldPos + 1] === b[newPos + 1]) {
        newPos++;
        oldPos++;
      }
      if (oldPos + 1 >= oldLen && newPos + 1 >= newLen) return runsOf(oldTokens, newTokens, stepsTo(inserted, d, k));
      furthest[mid + k] = oldPos;
      if (oldPos + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, k - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, k + 1);
    }
  }
  throw new Error('line diff: no edit script found');
}

/** The insertions (true) and removals (false) of the path ending in round `last` on diagonal `diagonal`, in order. */
function stepsTo(inserted: Uint8Array, last: number, diagonal: number): boolean[] {
  const steps: boolean[] = [];
  let k = diagonal;
  for (let d = last; d > 0; d--) {
    const bit = (d * (d + 1)) / 2 + ((k + d) >> 1);
    const insertion = (inserted[bit >> 3]! & (1 << (bit & 7))) !== 0;
    steps.push(insertion);
    k += insertion ? 1 : -1;
  }
  return steps.reverse();
}

/** The runs of kept, added and removed lines along the path (jsdiff's components, merged as its addToPath merges). */
function runsOf(oldTokens: string[], newTokens: string[], steps: boolean[]): Run[] {
  const runs: Run[] = [];
  let oldPos = 0;
  let newPos = 0;
  const keep = () => {
    const from = oldPos;
    while (oldPos < oldTokens.length && newPos < newTokens.length && oldTokens[oldPos] === newTokens[newPos]) {
      oldPos++;
      newPos++;
    }
    if (oldPos > from)
      runs.push({ added: false, removed: false, lines: newTokens.slice(newPos - (oldPos - from), newPos) });
  };
  keep();
  for (const insertion of steps) {
    const last = runs.at(-1);
    const line = insertion ? newTokens[newPos++]! : oldTokens[oldPos++]!;
    if (last && last.added === insertion && last.removed === !insertion) last.lines.push(line);
    else runs.push({ added: insertion, removed: !insertion, lines: [line] });
    keep();
  }
  return runs;
}

/** jsdiff's hunks of a line diff (patch/create.js, structuredPatch), context lines around each change. */
function hunksOf(runs: Run[], context: number): Hunk[] {
  const diff = [...runs, { added: false, removed: false, lines: [] }];
  const hunks: Hunk[] = [];
  let oldRangeStart = 0;
  let newRangeStart = 0;
  let range: string[] = [];
  let oldLine = 1;
  let newLine = 1;
  const contextLines = (lines: string[]) => lines.map((line) => ` ${line}`);
  for (let i = 0; i < diff.length; i++) {
    const current = diff[i]!;
    const { lines } = current;
    if (current.added || current.removed) {
      if (!oldRangeStart) {
        const previous = diff[i - 1];
        oldRangeStart = oldLine;
        newRangeStart = newLine;
        if (previous) {
          range = context > 0 ? contextLines(previous.lines.slice(-context)) : [];
          oldRangeStart -= range.length;
          newRangeStart -= range.length;
        }
      }
      for (const line of lines) range.push((current.added ? '+' : '-') + line);
      if (current.added) newLine += lines.length;
      else oldLine += lines.length;
    } else {
      if (oldRangeStart) {
        if (lines.length <= context * 2 && i < diff.length - 2) {
          range.push(...contextLines(lines));
        } else {
          const contextSize = Math.min(lines.length, context);
          range.push(...contextLines(lines.slice(0, contextSize)));
          hunks.push({
            oldStart: oldRangeStart,
            oldLines: oldLine - oldRangeStart + contextSize,
            newStart: newRangeStart,
            newLines: newLine - newRangeStart + contextSize,
            lines: range,
          });
          oldRangeStart = 0;
          newRangeStart = 0;
          range = [];
        }
      }
      oldLine += lines.length;
      newLine += lines.length;
    }
  }
  for (const hunk of hunks) {
    for (let i = 0; i < hunk.lines.length; i++) {
      if (hunk.lines[i]!.endsWith('\n')) hunk.lines[i] = hunk.lines[i]!.slice(0, -1);
      else hunk.lines.splice(++i, 0, '\\ No newline at end of file');
    }
  }
  return hunks;
}
