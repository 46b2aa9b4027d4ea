// The test's own HTTP servers (the exporter, the webhook sink) on 127.0.0.1, on a port the system picks.
import type { Server } from 'node:http';

/** Listens on 127.0.0.1 and a free port; resolves with the port. */
export async function listenOnLoopback(server: Server, what: string): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error(`${what}: no address`);
  return address.port;
}

/** Closes the server and every connection still open to it. */
export async function closeServer(server: Server | undefined): Promise<void> {
  if (server === undefined) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
