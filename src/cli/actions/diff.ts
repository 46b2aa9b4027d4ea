// `headroom diff`: what runs once the command is chosen (../commands/diff.ts declares it).
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayPath } from '../../config/display-path.ts';
import { formatProblem, InputError } from '../../config/input-error.ts';
import { describe } from '../../diff/describe.ts';
import { DiffInputError } from '../../diff/diff-input-error.ts';
import { type CommittedFolder, diffTrees, type NamedTree } from '../../diff/diff-trees.ts';
import { formatJson } from '../../diff/format-json.ts';
import { formatMarkdown } from '../../diff/format-markdown.ts';
import { formatText, wantsColour } from '../../diff/format-text.ts';
import { readTreeDir } from '../../diff/read-tree.ts';
import type { DiffReport } from '../../diff/report.ts';
import { isGeneratedFolder } from '../../output/generated-folder.ts';
import type { BacktestComparison } from '../../backtest/compare-rule-sets.ts';
import { StoreError } from '../../doctor/store-error.ts';
import { type CommandRun, type OutputStream, printLine } from '../cli-io.ts';
import { EXIT_BAD_INPUT, EXIT_BROKEN_PIPE, EXIT_DIFFERENT } from '../exit-codes.ts';
import type { BacktestRunOptions, StoreOptions } from '../options.ts';
import { writeStdout } from '../write-stdout.ts';

export interface DiffOptions extends Partial<Omit<StoreOptions, 'prometheus'> & BacktestRunOptions> {
  config: string;
  base?: string;
  format: 'text' | 'markdown' | 'json';
  exitCode?: boolean;
  /** A query API: the alerts whose rules changed are backtested, old rules and new. */
  prometheus?: string;
}

export async function diffAction(
  oldDir: string | undefined,
  newDir: string | undefined,
  options: DiffOptions,
  { io, outcome }: CommandRun,
): Promise<void> {
  try {
    const { text, report } = await diffOutput(oldDir, newDir, options, {
      colour: wantsColour(io.stdout, io.env),
      env: io.env,
      cwd: io.cwd,
      stderr: io.stderr,
    });
    if ((await writeStdout(text, io.stdout)) === 'closed') {
      outcome.exitCode = EXIT_BROKEN_PIPE;
      return;
    }
    if (options.exitCode && report.changed) outcome.exitCode = EXIT_DIFFERENT;
  } catch (error) {
    if (error instanceof DiffInputError || error instanceof StoreError)
      printLine(io.stderr, `headroom diff: ${error.message}`);
    else if (error instanceof InputError)
      printLine(io.stderr, `headroom diff: invalid input:\n${error.problems.map(formatProblem).join('\n')}`);
    else throw error;
    outcome.exitCode = EXIT_BAD_INPUT;
  }
}

/**
 * The report and its text in the chosen format: everything `diff` does but writing it. Relative folders and --config
 * are read against `cwd`.
 */
export async function diffOutput(
  oldDir: string | undefined,
  newDir: string | undefined,
  options: DiffOptions,
  output: { colour: boolean; env?: NodeJS.ProcessEnv; cwd: string; stderr?: OutputStream },
): Promise<{ text: string; report: DiffReport }> {
  const [old, current] = await trees(oldDir, newDir, options, output.cwd);
  const report = diffTrees(old, current);
  if (options.prometheus !== undefined) report.backtest = await backtestChanges(old, current, options, output);
  const description = describe(report, `${old.name} → ${current.name}`);
  const text =
    options.format === 'json'
      ? formatJson(report, description, { old: old.name, new: current.name })
      : options.format === 'markdown'
        ? formatMarkdown(report, description, {
            fullReport: fullReportPointer(oldDir, newDir, options, output.env ?? {}),
          })
        : formatText(report, description, output.colour);
  return { text, report };
}

/** The alerts whose rules changed between the trees, backtested with each side's rules against --prometheus. */
async function backtestChanges(
  old: NamedTree,
  current: NamedTree,
  options: DiffOptions,
  output: { env?: NodeJS.ProcessEnv; stderr?: OutputStream },
): Promise<BacktestComparison> {
  const [{ compareRuleSets }, { tunableAlertGroups }, { backtestSetup }, { treeRuleGroups }] = await Promise.all([
    import('../../backtest/compare-rule-sets.ts'),
    import('../../backtest/tunable-alerts.ts'),
    import('../backtest-setup.ts'),
    import('../../mixin/tree-rule-groups.ts'),
  ]);
  // The command gives every flag its default; only --prometheus is optional.
  const flags = options as DiffOptions & StoreOptions & BacktestRunOptions;
  const setup = backtestSetup(flags, { env: output.env ?? {}, stderr: output.stderr }, 'diff');
  const groups = (tree: NamedTree) => tunableAlertGroups(treeRuleGroups(tree.tree).map((found) => found.group));
  return compareRuleSets(groups(old), groups(current), setup.api, { ...setup.options, since: flags.since });
}

/**
 * Where a markdown comment cut to fit says the full report is: the CI run's artifact when the run is known (the
 * workflows of docs/ci-review.md upload it as headroom-diff), and the command that prints it.
 */
export function fullReportPointer(
  oldDir: string | undefined,
  newDir: string | undefined,
  options: DiffOptions,
  env: NodeJS.ProcessEnv,
): string {
  const command = `\`npx headroom diff ${
    options.base !== undefined ? `--base ${options.base}` : `${oldDir ?? ''} ${newDir ?? ''}`
  }\``;
  const run =
    env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY
      ? {
          what: 'this workflow run',
          url:
            `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}` +
            `/actions/runs/${env.GITHUB_RUN_ID}`,
        }
      : env.CI_JOB_URL
        ? { what: 'this job', url: env.CI_JOB_URL }
        : undefined;
  // Only a plain URL goes into the link: anything else would break the markdown around it.
  if (run === undefined || !/^https?:\/\/[\w.:@%/~+-]+$/.test(run.url)) return command;
  return `the headroom-diff artifact of [${run.what}](${run.url}), or ${command}`;
}

/** The generated folder on disk where the work tree's config writes, if headroom generated it. */
function committedInWorkTree(outDir: string): CommittedFolder | undefined {
  if (!existsSync(outDir) || !statSync(outDir).isDirectory() || !isGeneratedFolder(outDir)) return undefined;
  const where = `${displayPath(outDir)}/ in the work tree`;
  return { where, ...readTreeDir(outDir, where) };
}

async function trees(
  oldDir: string | undefined,
  newDir: string | undefined,
  options: DiffOptions,
  cwd: string,
): Promise<[NamedTree, NamedTree]> {
  if (options.base !== undefined) {
    if (oldDir !== undefined) throw new DiffInputError('give either --base <git-ref> or two folders, not both');
    // Only --base generates (config, model, dashboards): comparing two folders needs none of that code.
    const [{ generate }, { treeAtRef }] = await Promise.all([
      import('../../generate.ts'),
      import('../../diff/tree-at-ref.ts'),
    ]);
    // The work tree first: a missing or broken config there is the user's error to see, not an empty base.
    const configFile = resolve(cwd, options.config);
    const current = await generate(configFile);
    const old = await treeAtRef(
      configFile,
      options.base,
      resolve(current.loaded.baseDir, current.loaded.config.teamsDir),
    );
    const committed = committedInWorkTree(current.outDir);
    return [
      { name: options.base, ...old },
      { name: 'work tree', tree: current.tree, data: current.data, ...(committed ? { committed } : {}) },
    ];
  }
  if (oldDir === undefined || newDir === undefined) {
    throw new DiffInputError('nothing to compare: pass --base <git-ref> (e.g. origin/main), or two generated folders');
  }
  return [
    { name: oldDir, ...readTreeDir(resolve(cwd, oldDir), oldDir) },
    { name: newDir, ...readTreeDir(resolve(cwd, newDir), newDir) },
  ];
}
