// The reference tables of docs/ are generated from the zod schemas (scripts/docs-reference.ts, `npm run docs`): a
// committed table that differs from what the schemas say now fails here, as does an alert setting missing from them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alertName, alertPage, renderDocs, renderPage } from '../../scripts/docs-reference.ts';
import { DEFAULT_ALERTS } from '../../src/alerts/catalogue.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

const read = (page: string) => readFileSync(join(REPO_ROOT, page), 'utf8');
const settings = Object.entries(DEFAULT_ALERTS).flatMap(([alert, defaults]) =>
  Object.entries(defaults).map(([setting, value]) => ({ alert, setting, value: String(value) })),
);

describe('generated reference tables', () => {
  it.each(renderDocs(REPO_ROOT))('$path is as `npm run docs` writes it', ({ committed, rendered }) => {
    expect(committed, 'stale: run npm run docs').toBe(rendered);
  });

  it('the configuration reference lists every setting of every alert with its default', () => {
    const rows = read('docs/configuration.md').split('\n');
    for (const { alert, setting, value } of settings) {
      const row = rows.find((line) => line.startsWith(`| \`${alert}.${setting}\` |`));
      expect(row, `${alert}.${setting}`).toBeDefined();
      expect(row!.split(' | ')[2], `${alert}.${setting}`).toBe(`\`${value}\``);
    }
  });

  it("each alert's page lists its own settings with their defaults", () => {
    for (const { alert, setting, value } of settings) {
      const rows = read(alertPage(alertName(alert))).split('\n');
      const row = rows.find((line) => line.startsWith(`| \`${setting}\` |`));
      expect(row?.split(' | ')[2], `${alert}.${setting}`).toBe(`\`${value}\``);
    }
  });

  it('the team-file reference lists every key of a team file', () => {
    const page = read('docs/team-files.md');
    for (const key of ['name', 'namespaces', 'nodes', 'clusters', 'labels', 'alerts', 'routing.receiver'])
      expect(page).toContain(`| \`${key}\` |`);
  });

  it('a table edited by hand, or left behind by a schema change, is put back as the schema says', () => {
    const committed = read('docs/configuration.md');
    const edited = committed.replace(/^(\| `containerOOMKilled\.errorExit137` \| boolean \| )`true`/m, '$1`false`');
    expect(edited).not.toBe(committed);
    expect(renderPage(edited)).toBe(committed);
  });

  it('refuses a region without its end and a region it does not know', () => {
    expect(() => renderPage('<!-- BEGIN generated: config-keys (npm run docs) -->\n| stale |\n')).toThrow(
      'generated region "config-keys" has no <!-- END generated -->',
    );
    expect(() => renderPage('<!-- BEGIN generated: cluster-keys (npm run docs) -->\n<!-- END generated -->\n')).toThrow(
      'unknown generated region "cluster-keys"',
    );
  });
});
