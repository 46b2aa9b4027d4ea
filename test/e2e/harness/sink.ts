// The webhook sink every Alertmanager posts to, at /<ruler>/<receiver>: it records each notification, so the test
// asserts what reached which receiver of which ruler's Alertmanager, and when.
import { createServer, type Server } from 'node:http';
import { closeServer, listenOnLoopback } from './loopback-server.ts';

interface NotifiedAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  startsAt: string;
  fingerprint: string;
}

interface Notification {
  ruler: string;
  receiver: string;
  /** When the sink received it (ms since the epoch). */
  at: number;
  alerts: NotifiedAlert[];
}

/** One alert of one notification, with where and when it arrived. */
export interface Delivery extends NotifiedAlert {
  ruler: string;
  receiver: string;
  at: number;
}

export class WebhookSink {
  readonly notifications: Notification[] = [];
  private server: Server | undefined;
  port = 0;

  async listen(): Promise<number> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const [ruler, receiver] = (request.url ?? '').split('/').slice(1).map(decodeURIComponent);
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { alerts: NotifiedAlert[] };
          if (ruler !== undefined && receiver !== undefined)
            this.notifications.push({ ruler, receiver, at: Date.now(), alerts: body.alerts });
          response.writeHead(200).end();
        } catch {
          response.writeHead(400).end();
        }
      });
    });
    this.server = server;
    this.port = await listenOnLoopback(server, 'sink');
    return this.port;
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }

  /** The URL an Alertmanager of `ruler` posts `receiver`'s notifications to. */
  url(ruler: string, receiver: string): string {
    return `http://127.0.0.1:${this.port}/${encodeURIComponent(ruler)}/${encodeURIComponent(receiver)}`;
  }

  /** Every alert delivered for `ruler`, flattened, in arrival order, that matches `filter`. */
  deliveries(ruler: string, filter: (alert: NotifiedAlert) => boolean = () => true): Delivery[] {
    return this.notifications
      .filter((notification) => notification.ruler === ruler)
      .flatMap(({ ruler: r, receiver, at, alerts }) =>
        alerts.filter(filter).map((alert) => ({ ...alert, ruler: r, receiver, at })),
      );
  }
}

/** The labels an alert is identified by, as one string (sorted), for counting distinct alerts. */
export function labelSet(labels: Record<string, string>): string {
  return Object.entries(labels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ');
}
