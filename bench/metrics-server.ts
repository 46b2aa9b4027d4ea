// Serves the synthetic cluster to Prometheus on loopback only: /metrics/cadvisor and /metrics/kubelet (kubelet),
// /kube-state-metrics (scraped as two replicas).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Cluster } from './cluster.ts';
import { renderCadvisor, renderKubelet, renderKubeStateMetrics } from './exposition.ts';

interface MetricsServer {
  port: number;
  /** Starts the kill rounds (exposition.ts): one now, then one a minute until the server closes. */
  startKills(): void;
  close(): Promise<void>;
}

export async function startMetricsServer(cluster: Cluster): Promise<MetricsServer> {
  let rounds = 0;
  let killer: NodeJS.Timeout | undefined;
  let tick = 0;
  // kube-state-metrics' and kubelet's values only change with the kill rounds: render each round once.
  let ksm = { rounds: -1, body: '' };
  let kubelet = { rounds: -1, body: '' };
  const server: Server = createServer((request, response) => {
    let body: string | undefined;
    if (request.url === '/metrics/cadvisor') body = renderCadvisor(cluster, tick++, rounds);
    else if (request.url === '/kube-state-metrics') {
      if (ksm.rounds !== rounds) ksm = { rounds, body: renderKubeStateMetrics(cluster, rounds) };
      body = ksm.body;
    } else if (request.url === '/metrics/kubelet') {
      if (kubelet.rounds !== rounds) kubelet = { rounds, body: renderKubelet(cluster, rounds) };
      body = kubelet.body;
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
    startKills: () => {
      rounds++;
      killer ??= setInterval(() => rounds++, 60_000);
    },
    close: () =>
      new Promise((resolve) => {
        clearInterval(killer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
