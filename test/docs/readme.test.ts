// The README is the first screen a newcomer reads: short, with the set-up and test commands on top, every alert
// listed with its page, and no link to a file that is not there.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALERT_NAMES, alertPage } from '../../scripts/docs-reference.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { relativeLinks } from './markdown-links.ts';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const lines = readme.split('\n').slice(0, readme.endsWith('\n') ? -1 : undefined);

describe('README.md', () => {
  it('has at most 200 lines', () => {
    expect(lines.length).toBeLessThanOrEqual(200);
  });

  it('shows the one-command set-up and the one-command tests on its first screen', () => {
    const firstScreen = lines.slice(0, 20).join('\n');
    expect(firstScreen).toContain('npm ci && npm run generate');
    expect(firstScreen).toContain('bash .ci/run');
  });

  it('links only files that exist', () => {
    const missing = relativeLinks(REPO_ROOT, 'README.md')
      .filter((link) => !existsSync(join(REPO_ROOT, link.file)))
      .map((link) => link.target);
    expect(missing).toEqual([]);
  });

  it('lists every alert, linking its page (docs/alerts/<name lowercased>.md, the runbook URL pattern’s %s)', () => {
    const linked = relativeLinks(REPO_ROOT, 'README.md').map((link) => link.file);
    for (const name of ALERT_NAMES) {
      expect(linked, name).toContain(alertPage(name));
      expect(readme, name).toContain(`[${name}](${alertPage(name)})`);
    }
  });
});
