// The CI examples of docs/ci-review.md are YAML that parses, use only headroom's own commands and the platform's
// standard steps, and their diff command works as written on a real repository; its diff example is the real output.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { diffOutput } from '../../src/cli/actions/diff.ts';
import { gitProject } from '../diff/git-project.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-cli.ts';

const page = readFileSync(join(REPO_ROOT, 'docs/ci-review.md'), 'utf8');
const yamlBlocks = [...page.matchAll(/```yaml\n([\s\S]*?)```/g)].map(
  (match) => parse(match[1]!) as Record<string, unknown>,
);
const scripts = Object.keys(
  (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts,
);

/** Every shell command of a workflow: GitHub `run:` steps and GitLab `script:` lines. */
function commands(workflow: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown, key = ''): void => {
    if (typeof value === 'string' && (key === 'run' || key === 'script'))
      found.push(
        ...value
          .split(/\n|\|\|/)
          .map((line) => line.trim())
          .filter(Boolean),
      );
    else if (Array.isArray(value)) for (const item of value) walk(item, key);
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(workflow);
  return found;
}

describe('docs/ci-review.md: the CI examples', () => {
  it('are a GitHub Actions workflow and a GitLab CI job', () => {
    expect(yamlBlocks).toHaveLength(2);
    expect(yamlBlocks[0]).toMatchObject({ on: 'pull_request', jobs: { review: { 'runs-on': 'ubuntu-latest' } } });
    expect(yamlBlocks[1]).toMatchObject({ headroom: { image: 'node:20' } });
  });

  it('run headroom check and the markdown diff with headroom commands, npm and the platform steps only', () => {
    for (const workflow of yamlBlocks) {
      const lines = commands(workflow);
      expect(lines).toContain('npm run check');
      expect(
        lines.some((line) => line.startsWith('npx headroom diff --base') && line.includes('--format markdown')),
      ).toBe(true);
      for (const line of lines) {
        const allowed =
          line === 'npm ci' ||
          scripts.some((script) => line.startsWith(`npm run ${script}`)) ||
          /^npx headroom (diff|check|generate|validate)\b/.test(line) ||
          /^gh pr comment /.test(line) || // GitHub's CLI, on every GitHub-hosted runner
          /^git fetch origin /.test(line) ||
          /^curl --fail --request POST --header "PRIVATE-TOKEN: \$HEADROOM_BOT_TOKEN"/.test(line); // GitLab's notes API
        expect(allowed, line).toBe(true);
      }
    }
  });

  it(
    'the diff commands of each example work as written, with the base ref its platform would give: the full report ' +
      'and the comment',
    async () => {
      const repo = gitProject();
      repo.git('update-ref', 'refs/remotes/origin/main', 'HEAD');
      repo.edit('teams/payments.yaml', 'for: 10m', 'for: 20m');
      for (const [workflow, variable] of [
        [yamlBlocks[0], 'GITHUB_BASE_REF'],
        [yamlBlocks[1], 'CI_MERGE_REQUEST_TARGET_BRANCH_NAME'],
      ] as const) {
        const lines = commands(workflow).filter((command) => command.startsWith('npx headroom diff'));
        expect(lines.map((line) => / > (headroom-diff\.\w+)$/.exec(line)?.[1])).toEqual([
          'headroom-diff.txt',
          'headroom-diff.md',
        ]);
        for (const line of lines) {
          const args = line
            .replace(/^npx headroom /, '')
            .replace(/ > headroom-diff\.\w+$/, '')
            .replaceAll(`$${variable}`, 'main')
            .split(' ')
            .map((arg) => arg.replace(/^"(.*)"$/, '$1'));
          const result = await runCli(args, repo.dir);
          expect(result.stderr).toBe('');
          expect(result.code).toBe(0);
          expect(result.stdout).toContain(
            `${line.includes('markdown') ? '-' : ' '} team payments: ContainerMemoryNearLimit for 10m → 20m\n`,
          );
        }
      }
    },
  );

  it('each workflow keeps the full report as the artifact the cut comment points to (headroom-diff)', () => {
    const github = JSON.stringify(yamlBlocks[0]);
    expect(github).toContain(
      '"uses":"actions/upload-artifact@v4","with":{"name":"headroom-diff","path":"headroom-diff.txt"}',
    );
    expect(yamlBlocks[1]).toMatchObject({
      headroom: { artifacts: { name: 'headroom-diff', paths: ['headroom-diff.txt'] } },
    });
  });
});

describe('docs/ci-review.md: the diff example', () => {
  it("is the real output for the change it describes, on this repository's example config", async () => {
    const example = page.slice(page.indexOf('```\n$ npx headroom diff --base origin/main\n') + 4);
    const shown = example.slice(0, example.indexOf('\n```')).split('\n');
    expect(shown.at(-1)).toBe('...');
    const repo = gitProject();
    for (const path of ['headroom.config.ts', 'teams']) {
      rmSync(join(repo.dir, path), { recursive: true, force: true });
      cpSync(join(REPO_ROOT, path), join(repo.dir, path), { recursive: true });
    }
    repo.commit("this repository's example");
    repo.git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    // As the page says: payments' threshold 0.95 → 0.97, its `for` 10m → 15m.
    repo.edit('teams/payments.yaml', '{ threshold: 0.95, for: 10m }', '{ threshold: 0.97, for: 15m }');
    const { text } = await diffOutput(
      undefined,
      undefined,
      { config: join(repo.dir, 'headroom.config.ts'), base: 'origin/main', format: 'text' },
      { colour: false, cwd: repo.dir },
    );
    expect(['$ npx headroom diff --base origin/main', ...text.split('\n').slice(0, shown.length - 2)]).toEqual(
      shown.slice(0, -1),
    );
  });
});
