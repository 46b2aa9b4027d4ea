// A query API on 127.0.0.1 for backtest's tests: every range query gets the series `answer` picks for its query, each
// holding `value` at every step of the range; an instant query (the probe before any progress) an empty vector.
// Each range query's form is kept in `asked`.
import { createServer, type Server } from 'node:http';
import { closeServer, listenOnLoopback } from '../e2e/harness/loopback-server.ts';

export interface FakeRangeStore {
  url: string;
  asked: URLSearchParams[];
  close(): Promise<void>;
}

/** `answer(query)`: the label sets of the series the query returns, and their value at every step. */
export async function fakeRangeStore(
  answer: (query: string) => { labels: Record<string, string>[]; value: string },
): Promise<FakeRangeStore> {
  const asked: URLSearchParams[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const form = new URLSearchParams(body);
      response.writeHead(200, { 'Content-Type': 'application/json' });
      if (!form.has('start')) {
        response.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }));
        return;
      }
      asked.push(form);
      const [start, end, step] = ['start', 'end', 'step'].map((name) => Number(form.get(name)));
      const { labels, value } = answer(form.get('query')!);
      const values: [number, string][] = [];
      for (let time = start!; time <= end!; time += step!) values.push([time, value]);
      const result = labels.map((metric) => ({ metric, values }));
      response.end(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }));
    });
  });
  const url = `http://127.0.0.1:${await listenOnLoopback(server, 'store')}`;
  return { url, asked, close: () => closeServer(server) };
}
