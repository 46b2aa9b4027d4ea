// What a command run talks to: its output streams, the folder its path arguments are relative to, its environment.
// bin/headroom.js passes the real process's; a test passes its own and runs many commands in one process. Nothing
// under src/ writes to process.stdout or process.stderr (nor console) but through these.
import type { CommandOutcome } from './exit-codes.ts';

/** process.stdout or process.stderr, or a test's stand-in for one. */
export type OutputStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** The working directory: relative paths in arguments are read against it, and paths in messages shown from it. */
  cwd: string;
  /** Read by the commands themselves (colour, the CI run a diff links to). */
  env: NodeJS.ProcessEnv;
}

/** `text` and a line break, as console.log and console.error print it. */
export function printLine(stream: OutputStream, text: string): void {
  stream.write(`${text}\n`);
}

/** What every command is given: where it writes and runs, and where it leaves its exit code. */
export interface CommandRun {
  io: CliIo;
  outcome: CommandOutcome;
}
