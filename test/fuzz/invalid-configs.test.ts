// Properties of arbitrary invalid configs (a valid one with one defect planted, test/fuzz/defects.ts): loading
// reports exactly that problem, as `file:line:col: key: message` pointing at the line that holds it; through the CLI,
// `generate` exits 2 with that line on stderr, no stack trace, and writes nothing.
import { test } from '@fast-check/vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect } from 'vitest';
import { formatProblem, InputError } from '../../src/config/input-error.ts';
import { generate } from '../../src/generate.ts';
import { runCli } from '../helpers/run-cli.ts';
import { type PlantedDefect, invalidProjectArb } from './defects.ts';
import { casesOf } from './fuzz-budget.ts';
import { counter, projectsFolder, runs, shown } from './property-kit.ts';
import { writeProject } from './write-project.ts';

const parent = projectsFolder();

/** The source line a problem points at. */
function lineOf(dir: string, file: string, line: number): string {
  return readFileSync(join(dir, file), 'utf8').split('\n')[line - 1] ?? '';
}

function describeDefect(defect: PlantedDefect, configFile: string): string {
  return `planted: ${defect.name} at ${defect.file} ${defect.key}\n${shown(defect.project, configFile)}`;
}

describe('fuzz: arbitrary invalid configs (one planted defect)', () => {
  const inProcess = counter('invalid config: exactly the planted problem, at its file:line:col and key');
  test.prop([invalidProjectArb], runs(casesOf('invalidInProcess')))(inProcess.property, async (defect) => {
    inProcess.cases++;
    const configFile = writeProject(defect.project, parent);
    const dir = dirname(configFile);
    const error = await generate(configFile).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    const context = describeDefect(defect, configFile);
    const ok =
      error instanceof InputError &&
      error.problems.length === 1 &&
      error.problems[0]!.file.endsWith(defect.file) &&
      error.problems[0]!.key === defect.key &&
      error.problems[0]!.position !== undefined &&
      lineOf(dir, defect.file, error.problems[0]!.position.line).includes(defect.lineHas);
    if (!ok) inProcess.failures++;
    expect(error, context).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems;
    expect(problems.map(formatProblem), context).toHaveLength(1);
    const [problem] = problems;
    expect(problem!.file.endsWith(defect.file), `${problem!.file}\n${context}`).toBe(true);
    expect(problem!.key, context).toBe(defect.key);
    expect(problem!.position, context).toBeDefined();
    expect(lineOf(dir, defect.file, problem!.position!.line), `${formatProblem(problem!)}\n${context}`).toContain(
      defect.lineHas,
    );
  });

  const cli = counter('invalid config: headroom generate exits 2, prints file:line:col: key:, writes nothing');
  test.prop([invalidProjectArb], runs(casesOf('invalidCli')))(cli.property, async (defect) => {
    cli.cases++;
    const configFile = writeProject(defect.project, parent);
    const dir = dirname(configFile);
    const result = await runCli(['generate', '--config', 'headroom.config.ts', '--out', 'generated'], dir);
    const context = `${result.stderr}\n${describeDefect(defect, configFile)}`;
    const located = new RegExp(
      `^${defect.file.replace(/[.*+?^${}()|[\]\\~]/g, '\\$&')}:(\\d+):(\\d+): ` +
        `${defect.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `,
      'm',
    ).exec(result.stderr);
    const ok =
      result.code === 2 && located !== null && !existsSync(join(dir, 'generated')) && !/^\s+at /m.test(result.stderr);
    if (!ok) cli.failures++;
    expect(result.code, context).toBe(2);
    expect(located, context).not.toBeNull();
    expect(lineOf(dir, defect.file, Number(located![1])), context).toContain(defect.lineHas);
    expect(result.stderr, context).not.toMatch(/^\s+at /m);
    expect(existsSync(join(dir, 'generated')), context).toBe(false);
    expect(result.stdout, context).toBe('');
  });
});
