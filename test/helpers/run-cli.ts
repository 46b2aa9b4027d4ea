// The `headroom` command as a user or CI runs it in a folder: its exit code and what it wrote to stdout and stderr.
// runCli calls src/cli/main.ts in this process (milliseconds instead of a second of Node start-up and loading);
// spawnCli runs the real bin/headroom.js, for what only a process shows: signals, a lock another process holds, the
// loader choosing dist/ or src/, a pipe closed by its reader, the umask, the environment of the run.
// docs/testing.md lists which tests spawn and why.
import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.ts';
import { CLI } from './paths.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `headroom <args>` run in `cwd`, in this process. Run one at a time: loading a config swaps process.exit and
 * process.stdout.write for a moment (src/config/load-guard.ts), which two overlapping runs would undo out of order.
 */
export async function runCli(args: string[], cwd: string): Promise<CliResult> {
  const stdout = capturedStream();
  const stderr = capturedStream();
  let code: number;
  try {
    code = await main(args, { stdout, stderr, cwd, env: cliEnv() });
  } catch (error) {
    // What bin/headroom.js's process does with an error main lets through: the stack on stderr, exit 1.
    stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    code = 1;
  }
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** `headroom <args>` run in `cwd` by a new Node process running bin/headroom.js. */
export function spawnCli(args: string[], cwd: string): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: cliEnv() });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** FORCE_COLOR would win over NO_COLOR (as in Node itself): a developer's shell must not colour what tests compare. */
function cliEnv(): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _force, ...env } = process.env;
  return { ...env, NO_COLOR: '1' };
}

/** A stream that keeps what is written to it, as a pipe to a file would (not a terminal: no colour, no width). */
function capturedStream(): Writable & { text(): string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, encoding, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
      done();
    },
  });
  return Object.assign(stream, { text: () => Buffer.concat(chunks).toString('utf8') });
}
