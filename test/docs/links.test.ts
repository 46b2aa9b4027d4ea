// Every page of docs/ is reachable and every relative link of the README and docs/ lands on a file and, with an
// anchor, on a heading of it: pages move, headings get renamed, and a runbook link that breaks breaks for the on-call.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALERT_NAMES, alertPage, docsPages } from '../../scripts/docs-reference.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { headingAnchors, relativeLinks } from './markdown-links.ts';

const pages = ['README.md', ...docsPages(REPO_ROOT)];

describe('documentation links', () => {
  it.each(pages)('%s links only files and headings that exist', (page) => {
    const broken = relativeLinks(REPO_ROOT, page)
      .filter(
        (link) =>
          !existsSync(join(REPO_ROOT, link.file)) ||
          (link.anchor !== undefined && !headingAnchors(REPO_ROOT, link.file).includes(link.anchor)),
      )
      .map((link) => link.target);
    expect(broken).toEqual([]);
  });

  it('every page of docs/ is linked from the README or another page', () => {
    const linked = new Set(pages.flatMap((page) => relativeLinks(REPO_ROOT, page).map((link) => link.file)));
    expect(docsPages(REPO_ROOT).filter((page) => !linked.has(page))).toEqual([]);
  });

  it('every alert has its page, and no page of docs/alerts/ is for an alert headroom does not have', () => {
    const alertPages = docsPages(REPO_ROOT).filter((page) => page.startsWith('docs/alerts/'));
    expect(alertPages).toEqual(ALERT_NAMES.map(alertPage).sort());
  });
});
