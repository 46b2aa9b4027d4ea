// The pull-request comment for a realistic change, byte for byte. After an intended change of the output:
// UPDATE_GOLDEN=1 npx vitest run test/diff/markdown-golden.test.ts, and review the golden file's diff.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { gitProject } from './git-project.ts';

const GOLDEN = fileURLToPath(new URL('./golden/markdown.golden.md', import.meta.url));

describe('headroom diff --format markdown', () => {
  it('matches the golden comment for a threshold raise, a new team taking a namespace and a label change', async () => {
    const repo = gitProject();
    repo.edit('teams/payments.yaml', 'namespaces: [payments, payments-eu]', 'namespaces: [payments]');
    repo.edit('teams/payments.yaml', '{ threshold: 0.9, for: 10m }', '{ threshold: 0.97, for: 15m }');
    repo.write(
      'teams/checkout.yaml',
      'name: checkout\nnamespaces: [payments-eu, checkout]\nlabels: { slack_channel: "#checkout" }\n',
    );
    repo.edit('teams/search.yaml', '"#search"', '"#search-oncall"');
    const result = await runCli(['diff', '--base', 'main', '--format', 'markdown', '--exit-code'], repo.dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, result.stdout);
    expect(result.stdout).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});
