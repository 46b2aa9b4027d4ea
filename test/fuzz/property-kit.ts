// What every fuzz property shares: a temp folder for its projects, case counters for the report, generating a case
// with a message that reproduces it, and the run options (cases, seed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { generate, type Generation } from '../../src/generate.ts';
import type { ProjectCase } from './arbitraries.ts';
import { CaseCounter, LONG_RUN, seedOf } from './fuzz-budget.ts';
import { typescriptLiteral, writeProject } from './write-project.ts';

/** A temp folder for one test file's projects, removed when the file's tests end. */
export function projectsFolder(): string {
  const parent = mkdtempSync(join(tmpdir(), 'headroom-fuzz-'));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));
  return parent;
}

/** A counter whose figures go to the fuzz report when the file's tests end. */
export function counter(property: string): CaseCounter {
  const made = new CaseCounter(property);
  afterAll(() => made.report());
  return made;
}

/** What a failing case prints: where the project was written, and its config. */
export function shown(project: ProjectCase, configFile: string): string {
  return (
    `project written to ${configFile} (kept only while the test runs)\nconfig: ` +
    `${typescriptLiteral(project.config).slice(0, 4000)}\nteam files: ${project.teamFiles.length}`
  );
}

/** Writes and generates one case, counted; a failure to generate is a failed case. */
export async function generated(
  project: ProjectCase,
  counted: CaseCounter,
  parent: string,
): Promise<{ configFile: string; generation: Generation }> {
  counted.cases++;
  const configFile = writeProject(project, parent);
  try {
    return { configFile, generation: await generate(configFile) };
  } catch (error) {
    counted.failures++;
    throw new Error(
      `a valid config did not generate: ` +
        `${error instanceof Error ? error.message : String(error)}\n${shown(project, configFile)}`,
    );
  }
}

/** fast-check options for `cases` cases checked `perRun` at a time. */
export function runs(cases: number, perRun = 1) {
  return { numRuns: Math.max(1, Math.ceil(cases / perRun)), seed: seedOf(), endOnFailure: !LONG_RUN };
}
