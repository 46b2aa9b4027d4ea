// docs/stacks/ shows, for each stack, exactly the fixes `headroom doctor` prints (src/doctor/), and names for each
// series the stack loses every alert that reads it: a snippet edited in one place and not the other would have a user
// paste values doctor no longer checks, and a page that forgets an alert hides a blind spot.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_ALERTS } from '../../src/alerts/catalogue.ts';
import type { Remedy, StackFixes } from '../../src/doctor/stack-data.ts';
import { STACKS } from '../../src/doctor/stack-fixes.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { relativeLinks } from './markdown-links.ts';

const pageOf = (stack: StackFixes) => readFileSync(join(REPO_ROOT, stack.page), 'utf8');

/** The fixes of a stack, each once (several metrics share one), with the namespace label of the pages: team. */
function fixesOf(stack: StackFixes): Remedy[] {
  const verdicts = [
    ...Object.values(stack.metrics),
    stack.scrapeInterval,
    stack.namespaceLabels('team'),
    stack.podCgroup,
    stack.selectors,
  ];
  const fixes = verdicts.filter((verdict): verdict is Remedy => verdict !== 'kept');
  return [...new Map(fixes.map((fix) => [fix.snippet, fix])).values()];
}

/** Is `snippet` a whole fenced code block of `page`, fenced as YAML where it is YAML? */
function fenced(page: string, snippet: string, language: Remedy['language']): boolean {
  const blocks = [...page.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)];
  return blocks.some(([, info, body]) => body === snippet && (language === 'text' || info === 'yaml'));
}

/** The table rows of a page whose first cell names `metric` as a code span. */
function rowsNaming(page: string, metric: string): string[] {
  return page.split('\n').filter((line) => line.startsWith('|') && line.split('|')[1]!.includes(`\`${metric}\``));
}

describe.each(STACKS.map((stack) => [stack.stack, stack] as const))('docs for %s', (_, stack) => {
  it('shows every fix doctor prints for it, verbatim, as a code block', () => {
    const page = pageOf(stack);
    const missing = fixesOf(stack).filter((fix) => !fenced(page, fix.snippet, fix.language));
    expect(missing.map((fix) => fix.snippet)).toEqual([]);
  });

  it('names, for each series the stack loses, every alert that reads it', () => {
    const page = pageOf(stack);
    for (const [metric, verdict] of Object.entries(stack.metrics)) {
      if (verdict === 'kept') continue;
      const rows = rowsNaming(page, metric);
      expect(rows, `${stack.page}: a row for ${metric}`).not.toEqual([]);
      const readers = ALL_ALERTS.filter((alert) => alert.inputs.some((input) => input.metric === metric));
      for (const alert of readers) expect(rows.join('\n'), `${stack.page}: ${metric}`).toContain(`[${alert.name}]`);
    }
  });

  it('says that headroom doctor checks a live store, and is linked from docs/series.md', () => {
    expect(pageOf(stack)).toContain('`headroom doctor --prometheus');
    const linked = relativeLinks(REPO_ROOT, 'docs/series.md').map((link) => link.file);
    expect(linked).toContain(stack.page);
  });
});
