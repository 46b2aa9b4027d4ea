// The loopback exporter: one node:http server in the test process that plays, per cluster, a kubelet's cadvisor and
// /metrics endpoints and two kube-state-metrics replicas, each a separate scrape target, so the samples of one
// incident land at different moments, as they do in a real cluster. Scenarios change the series while the servers
// scrape them; a target can stop answering (a scrape failure, so Prometheus writes staleness markers) and come back.
import { createServer, type Server } from 'node:http';
import { closeServer, listenOnLoopback } from './loopback-server.ts';

/** Where a series comes from: the kube-state-metrics replicas serve the same series, under different instances. */
type Source = 'cadvisor' | 'kube-state-metrics' | 'kubelet';

/**
 * `kube-state-metrics-rescheduled` is a replica that replaced a and b after an outage, on a new pod (so a new
 * `instance`): down until a scenario brings it up.
 */
export const TARGET_KINDS = [
  'cadvisor',
  'kube-state-metrics-a',
  'kube-state-metrics-b',
  'kube-state-metrics-rescheduled',
  'kubelet',
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** What Prometheus puts on every series of the target (static target labels of its scrape config). */
export function targetLabels(cluster: string, kind: TargetKind): Record<string, string> {
  switch (kind) {
    case 'cadvisor':
      return { cluster, job: 'kubelet', metrics_path: '/metrics/cadvisor', instance: 'node-1:10250' };
    case 'kubelet':
      return { cluster, job: 'kubelet', metrics_path: '/metrics', instance: 'node-1:10250' };
    case 'kube-state-metrics-a':
      return { cluster, job: 'kube-state-metrics', instance: 'kube-state-metrics-a:8080' };
    case 'kube-state-metrics-b':
      return { cluster, job: 'kube-state-metrics', instance: 'kube-state-metrics-b:8080' };
    case 'kube-state-metrics-rescheduled':
      return { cluster, job: 'kube-state-metrics', instance: 'kube-state-metrics-c:8080' };
  }
}

function sourceOf(kind: TargetKind): Source {
  return kind === 'cadvisor' ? 'cadvisor' : kind === 'kubelet' ? 'kubelet' : 'kube-state-metrics';
}

export type Labels = Record<string, string>;

interface Sample {
  name: string;
  labels: Labels;
  value: number;
}

export class Exporter {
  private server: Server | undefined;
  private readonly series = new Map<string, Map<string, Sample>>();
  private readonly down = new Set<string>();
  private readonly scrapeWaiters = new Map<string, { since: number; resolve: () => void }[]>();
  port = 0;

  constructor(readonly clusters: readonly string[]) {
    for (const cluster of clusters) this.setDown(cluster, ['kube-state-metrics-rescheduled'], true);
  }

  /** The HTTP path of a target. */
  static path(cluster: string, kind: TargetKind): string {
    return `/${encodeURIComponent(cluster)}/${kind}`;
  }

  async listen(): Promise<number> {
    const server = createServer((request, response) => {
      const [cluster, kind] = (request.url ?? '').split('/').slice(1).map(decodeURIComponent);
      if (cluster === undefined || !this.clusters.includes(cluster) || !TARGET_KINDS.includes(kind as TargetKind)) {
        response.writeHead(404).end();
        return;
      }
      const target = `${cluster}/${kind}`;
      if (this.down.has(target)) {
        response.writeHead(503).end('down\n');
        return;
      }
      const renderedAt = performance.now();
      const body = this.render(cluster, sourceOf(kind as TargetKind));
      response
        .writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' })
        .end(body, () => this.scraped(target, renderedAt));
    });
    this.server = server;
    this.port = await listenOnLoopback(server, 'exporter');
    return this.port;
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }

  set(cluster: string, source: Source, name: string, labels: Labels, value: number): void {
    this.store(cluster, source).set(key(name, labels), { name, labels, value });
  }

  get(cluster: string, source: Source, name: string, labels: Labels): number | undefined {
    return this.store(cluster, source).get(key(name, labels))?.value;
  }

  delete(cluster: string, source: Source, name: string, labels: Labels): void {
    this.store(cluster, source).delete(key(name, labels));
  }

  /** Removes every series `name` of `source` in `cluster` whose labels include `match`. */
  deleteMatching(cluster: string, source: Source, name: string, match: Labels): void {
    const store = this.store(cluster, source);
    for (const [id, sample] of store) {
      if (sample.name === name && Object.entries(match).every(([k, v]) => sample.labels[k] === v)) store.delete(id);
    }
  }

  /** The targets stop answering (503: a failed scrape) or answer again. */
  setDown(cluster: string, kinds: readonly TargetKind[], down: boolean): void {
    for (const kind of kinds) {
      if (down) this.down.add(`${cluster}/${kind}`);
      else this.down.delete(`${cluster}/${kind}`);
    }
  }

  /**
   * Resolves once the target has answered a scrape whose answer was made after this call: it shows every change before
   * it.
   */
  nextScrape(cluster: string, kind: TargetKind): Promise<void> {
    const target = `${cluster}/${kind}`;
    const since = performance.now();
    return new Promise((resolve) => {
      const waiters = this.scrapeWaiters.get(target) ?? [];
      waiters.push({ since, resolve });
      this.scrapeWaiters.set(target, waiters);
    });
  }

  private scraped(target: string, renderedAt: number): void {
    const waiters = this.scrapeWaiters.get(target) ?? [];
    const waiting = waiters.filter(({ since }) => since > renderedAt);
    if (waiting.length > 0) this.scrapeWaiters.set(target, waiting);
    else this.scrapeWaiters.delete(target);
    for (const { since, resolve } of waiters) if (since <= renderedAt) resolve();
  }

  private store(cluster: string, source: Source): Map<string, Sample> {
    if (!this.clusters.includes(cluster))
      throw new Error(`exporter: unknown cluster ${cluster} (known: ${this.clusters.join(', ')})`);
    const id = `${cluster}/${source}`;
    let store = this.series.get(id);
    if (store === undefined) {
      store = new Map();
      this.series.set(id, store);
    }
    return store;
  }

  /** The Prometheus text format of one source's series, sorted. */
  private render(cluster: string, source: Source): string {
    const lines = [...(this.series.get(`${cluster}/${source}`)?.values() ?? [])].map(
      ({ name, labels, value }) =>
        `${name}{${Object.entries(labels)
          .map(([k, v]) => `${k}="${escaped(v)}"`)
          .join(',')}} ${value}`,
    );
    return `${lines.sort().join('\n')}\n`;
  }
}

function key(name: string, labels: Labels): string {
  return `${name}${JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}`;
}

function escaped(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}
