// A command's result written to stdout, whose reader may go away first (`headroom diff | head -1`). Unhandled, the
// broken pipe (EPIPE) would crash the command with a stack trace once the output passes the pipe's buffer.
import type { OutputStream } from './cli-io.ts';

/** Resolves 'closed' when the reader went away before taking everything (EPIPE), 'written' once it took it all. */
export function writeStdout(text: string, stream: OutputStream): Promise<'written' | 'closed'> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') return reject(error);
      // The same error may be reported again (the write's callback and the stream's event): never let it crash.
      stream.on('error', ignoreBrokenPipe);
      resolve('closed');
    };
    stream.once('error', failed);
    stream.write(text, (error) => {
      if (error) return failed(error);
      stream.off('error', failed);
      resolve('written');
    });
  });
}

function ignoreBrokenPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
}
