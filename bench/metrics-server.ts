// Serves the synthetic cluster to Prometheus on loopback only: /metrics/cadvisor (kubelet) and /kube-state-metrics
// (scraped as two replicas). `stopServing` makes every scrape fail, so the data ends at a known time.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Cluster } from './cluster.ts';
import { renderCadvisor, renderKubeStateMetrics } from './exposition.ts';

interface MetricsServer {
  port: number;
  /** Applies the OOM kills of the run (restarts + 1, reason OOMKilled) from now on. */
  kill(): void;
  stopServing(): void;
  close(): Promise<void>;
}

export async function startMetricsServer(cluster: Cluster): Promise<MetricsServer> {
  let killed = false;
  let serving = true;
  let tick = 0;
  // kube-state-metrics values only change with the kills: render each state once.
  const ksm = new Map<boolean, string>();
  const server: Server = createServer((request, response) => {
    if (!serving) {
      response.writeHead(503).end();
      return;
    }
    let body: string | undefined;
    if (request.url === '/metrics/cadvisor') body = renderCadvisor(cluster, tick++);
    else if (request.url === '/kube-state-metrics') {
      body = ksm.get(killed) ?? renderKubeStateMetrics(cluster, killed);
      ksm.set(killed, body);
    }
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    kill: () => {
      killed = true;
    },
    stopServing: () => {
      serving = false;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
