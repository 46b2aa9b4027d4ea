// Runs the real `headroom` binary, as a user or CI would.
import { spawnSync } from 'node:child_process';
import { CLI } from './paths.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string): CliResult {
  // FORCE_COLOR would win over NO_COLOR (as in Node itself): a developer's shell must not colour what tests compare.
  const { FORCE_COLOR: _force, ...env } = process.env;
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...env, NO_COLOR: '1' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
