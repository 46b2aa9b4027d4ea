// The hostile-input corpus's one assertion: refused with exit 2, a message naming the file, line and key, no stack
// trace, and the previous generated/ left exactly as it was.
import { expect } from 'vitest';
import { type CliResult, runCli } from './run-cli.ts';
import { type TempProject, tempProject } from './temp-project.ts';

export interface HostileProject extends TempProject {
  /** generated/ as the last good run left it. */
  before: Record<string, string>;
}

/** A copy of the example project with a good generated/ in it, as a user's repo would be. */
export async function generatedProject(fixture = 'example'): Promise<HostileProject> {
  const project = tempProject(fixture);
  const result = await runCli(['generate'], project.dir);
  expect(result.code, result.stderr).toBe(0);
  return { ...project, before: project.snapshot('generated') };
}

export async function expectRefused(
  project: HostileProject,
  args: string[],
  ...expected: (string | RegExp)[]
): Promise<CliResult> {
  const result = await runCli(args, project.dir);
  expect(result.code, result.stdout + result.stderr).toBe(2);
  for (const text of expected) {
    if (typeof text === 'string') expect(result.stderr).toContain(text);
    else expect(result.stderr).toMatch(text);
  }
  expect(result.stderr, 'no stack trace').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(project.snapshot('generated'), 'generated/ untouched').toEqual(project.before);
  return result;
}
