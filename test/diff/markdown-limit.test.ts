// The pull-request comment fits GitHub's 65,536 characters whatever the fleet: a default changed for 300 teams
// would be far longer. Summary first (headline, warnings, notes), the rest folded and cut, pointing to the full report.
import { describe, expect, it } from 'vitest';
import { describe as describeReport } from '../../src/diff/describe.ts';
import { formatMarkdown, GITHUB_COMMENT_LIMIT, MARKDOWN_MARKER } from '../../src/diff/format-markdown.ts';
import { fullReportPointer } from '../../src/cli/actions/diff.ts';
import { gitProject } from './git-project.ts';
import { diffOfChange } from './in-process-diff.ts';

const TEAMS = 300;
/** What fleetChange changes. */
const FLEET_CHANGE = `a default threshold changed for ${TEAMS} teams`;

async function fleetChange() {
  const repo = gitProject();
  for (let i = 0; i < TEAMS; i++)
    repo.write(
      `teams/team-${i}.yaml`,
      `name: team-${i}\nnamespaces: [team-${i}-*]\nlabels: { slack_channel: "#team-${i}" }\n`,
    );
  // Every team takes the default: each one's threshold changes, above 95% (a warning each).
  const { report } = await diffOfChange(repo.dir, () =>
    repo.edit('headroom.config.ts', 'threshold: 0.85', 'threshold: 0.97'),
  );
  return { report, description: describeReport(report, 'main → work tree') };
}

const count = (text: string, what: string) => text.split(what).length - 1;

describe('markdown comment size', () => {
  it(`${FLEET_CHANGE}: cut to 65,536 characters, summary first, every fold closed`, async () => {
    const { report, description } = await fleetChange();
    const whole = formatMarkdown(report, description, { limit: Number.POSITIVE_INFINITY });
    expect(whole.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);

    const comment = formatMarkdown(report, description, {
      fullReport: 'the headroom-diff artifact of [this workflow run](https://github.com/o/r/actions/runs/1)',
    });
    // In bytes, which are never fewer than characters.
    expect(Buffer.byteLength(comment)).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    const lines = comment.split('\n');
    expect(lines.slice(0, 2)).toEqual([MARKDOWN_MARKER, `### ${description.headline}`]);
    expect(comment).toContain(
      "> This comment is cut to fit GitHub's limit of 65,536 characters: the summary first, the rest folded and cut. " +
        'The full report: the headroom-diff artifact of [this workflow run](https://github.com/o/r/actions/runs/1).',
    );
    // Warnings before any fold, cut with a count of the rest.
    expect(comment.indexOf('> [!WARNING]')).toBeLessThan(comment.indexOf('<details>'));
    expect(comment).toMatch(/\n> - … and \d+ more warnings in the full report\n/);
    // Every section folded, well-formed.
    expect(count(comment, '<details>')).toBe(count(comment, '</details>'));
    expect(count(comment, '````') % 2).toBe(0);
    expect(comment).toContain('<details><summary>Teams and settings (');
    // A section is cut with the count of what is left out; the ones after it are named, down to the unified diff.
    expect(comment).toMatch(/\n- … \d+ more lines in the full report\n\n<\/details>\n/);
    expect(comment).toMatch(
      /\n<details><summary>Unified diff of the generated files[^\n]*<\/summary>\n[\s\S]*<\/details>\n$/,
    );
  });

  it('a comment that fits is left whole, without the note about cutting', async () => {
    const repo = gitProject();
    const { report } = await diffOfChange(repo.dir, () => repo.edit('teams/payments.yaml', 'for: 10m', 'for: 20m'));
    const comment = formatMarkdown(report, describeReport(report, 'main → work tree'));
    expect(comment).not.toContain('cut to fit');
    expect(comment).toContain('**Teams and settings**\n\n- team payments: ContainerMemoryNearLimit for 10m → 20m\n');
  });
});

describe('markdown comment size, laid out', () => {
  const report = { files: [], drift: [] } as unknown as Parameters<typeof formatMarkdown>[0];
  const lines = (n: number, text: string) => Array.from({ length: n }, (_, i) => `${text} ${i}`);

  it(
    'a section longer than the room is cut line by line, with the count of what is left out; one with no room left ' +
      'is named',
    () => {
      const description = {
        headline: 'headroom diff a → b',
        warnings: [],
        notes: [],
        sections: [
          { title: 'Teams and settings', lines: lines(5000, 'team x: ContainerMemoryNearLimit threshold 85% → 80%') },
          { title: 'Rules', lines: lines(3000, 'ContainerMemoryNearLimit {}: expression changed') },
        ],
      };
      const comment = formatMarkdown(report, description);
      expect(Buffer.byteLength(comment)).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
      expect(comment).toMatch(/\n- … \d+ more lines in the full report\n\n<\/details>\n/);
      expect(comment).toContain('<details><summary>Rules: in the full report (3000 lines)</summary>');
      expect(count(comment, '<details>')).toBe(count(comment, '</details>'));
    },
  );

  it('a unified diff longer than the room is cut inside its fence, the fence closed before the count', () => {
    const patch =
      `--- a/x.yaml\n+++ b/x.yaml\n@@ -1,4000 +1,4000 ` +
      `@@\n${lines(4000, '-old line').join('\n')}\n${lines(4000, '+new line').join('\n')}\n`;
    const big = {
      files: [{ path: 'x.yaml', status: 'changed', added: 4000, removed: 4000, patch }],
      drift: [],
    } as unknown as Parameters<typeof formatMarkdown>[0];
    // Sections of 20,000 characters: with the diff's own cap of 50,000, over the limit.
    const sections = [
      {
        title: 'Rules',
        lines: lines(400, 'ContainerMemoryNearLimit {for="5m", severity="warning"}: expression changed'),
      },
    ];
    const comment = formatMarkdown(big, {
      headline: 'headroom diff a → b',
      warnings: ['a warning'],
      notes: [],
      sections,
    });
    expect(Buffer.byteLength(comment)).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(comment).toContain(
      '<details><summary>Unified diff of the generated files (8003 lines)</summary>\n\n````diff\n--- a/x.yaml\n',
    );
    expect(comment).toMatch(/\n````\n\n… \d+ more lines in the full report\n\n<\/details>\n$/);
    expect(count(comment, '````') % 2).toBe(0);
  });
});

describe('where the full report is', () => {
  const options = { config: 'headroom.config.ts', base: 'origin/main', format: 'markdown' as const };
  it('in GitHub Actions and GitLab CI: the run with its artifact, and the command', () => {
    expect(
      fullReportPointer(undefined, undefined, options, {
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'acme/gitops',
        GITHUB_RUN_ID: '42',
      }),
    ).toBe(
      'the headroom-diff artifact of [this workflow run](https://github.com/acme/gitops/actions/runs/42), or `npx ' +
        'headroom diff --base origin/main`',
    );
    expect(
      fullReportPointer(undefined, undefined, options, {
        CI_JOB_URL: 'https://gitlab.example.com/acme/gitops/-/jobs/7',
      }),
    ).toBe(
      'the headroom-diff artifact of [this job](https://gitlab.example.com/acme/gitops/-/jobs/7), or `npx headroom ' +
        'diff --base origin/main`',
    );
  });

  it('elsewhere, or with a URL that is not plain: the command only', () => {
    expect(fullReportPointer('old', 'new', { ...options, base: undefined }, {})).toBe('`npx headroom diff old new`');
    expect(fullReportPointer(undefined, undefined, options, { CI_JOB_URL: 'https://x/](javascript:alert(1))' })).toBe(
      '`npx headroom diff --base origin/main`',
    );
  });
});
