// `headroom diff` of a change to a project, in-process: generate, change, generate again, compare, as text.
import { join } from 'node:path';
import { describe } from '../../src/diff/describe.ts';
import { diffTrees } from '../../src/diff/diff-trees.ts';
import { formatText } from '../../src/diff/format-text.ts';
import type { DiffReport } from '../../src/diff/report.ts';
import { generate } from '../../src/generate.ts';

export async function diffOfChange(
  dir: string,
  change: () => void,
  config = 'headroom.config.ts',
): Promise<{ report: DiffReport; text: string; lines: string[] }> {
  const before = await generate(join(dir, config));
  change();
  const after = await generate(join(dir, config));
  const report = diffTrees({ name: 'old', tree: before.tree }, { name: 'new', tree: after.tree });
  const text = formatText(report, describe(report, 'old → new'), false);
  return { report, text, lines: text.split('\n').map((line) => line.replace(/^ {2}/, '')) };
}
