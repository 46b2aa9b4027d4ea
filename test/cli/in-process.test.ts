// The CLI tests run `headroom` in-process (runCli calls main with captured streams and the project as its working
// directory) and trust it to behave as the real command does. Proven here: each command below, run by
// bin/headroom.js in one copy of a project and by runCli in another, gives the same exit code, stdout and stderr,
// byte for byte, and leaves the same files.
// @module-tag spawns (bin/headroom.js)
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runCli, spawnCli } from '../helpers/run-cli.ts';
import { type TempProject, tempProject } from '../helpers/temp-project.ts';

interface Step {
  /** What the step shows. */
  name: string;
  /** Done to both copies before the command. */
  edit?: (project: TempProject) => void;
  args: string[];
}

const STEPS: Step[] = [
  { name: 'help, wrapped to 80 columns off a terminal', args: ['generate', '--help'] },
  { name: 'an unknown command (commander, exit 2)', args: ['generat'] },
  { name: 'check before anything was generated (exit 1)', args: ['check', '--out', 'not-yet'] },
  { name: 'generate', args: ['generate'] },
  {
    name: 'a warning on stderr, and generate writing anyway',
    edit: (project) => project.edit('teams/payments.yaml', 'threshold: 0.95', 'threshold: 1'),
    args: ['generate', '--out', 'warned'],
  },
  {
    name: 'a bad team file: file, line, key, exit 2, nothing written',
    edit: (project) => project.edit('teams/payments.yaml', 'threshold:', 'treshold:'),
    args: ['generate'],
  },
  { name: 'a file system refusal (--out at a file)', args: ['generate', '--out', 'headroom.config.ts'] },
  { name: 'diff of two generated folders, no colour', args: ['diff', 'generated', 'warned'] },
  { name: 'a diff input error', args: ['diff', 'generated', 'teams'] },
  { name: 'the team JSON schema on stdout', args: ['schema'] },
];

describe('runCli and bin/headroom.js', () => {
  let spawned: TempProject;
  let inProcess: TempProject;
  beforeAll(() => {
    spawned = tempProject('example');
    inProcess = tempProject('example');
  });

  for (const step of STEPS) {
    it(step.name, async () => {
      step.edit?.(spawned);
      step.edit?.(inProcess);
      const real: CliResult = spawnCli(step.args, spawned.dir);
      const called = await runCli(step.args, inProcess.dir);
      expect(called).toEqual(real);
      expect(contents(inProcess)).toEqual(contents(spawned));
    });
  }
});

/** Every file of the project with its content (not its modification time, which differs between the copies). */
function contents(project: TempProject): Record<string, string> {
  return Object.fromEntries(
    Object.entries(project.snapshot('.')).map(([path, stamped]) => [path, stamped.slice(stamped.indexOf(' ') + 1)]),
  );
}
