// One Prometheus 3.5 of the end-to-end tests, started on 127.0.0.1 with its own folder and a free port; its
// prometheus.yml is made once the port is known (a store that scrapes itself names its own port).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BINARIES } from './binaries.ts';
import { freePort, type Processes, type Server } from './processes.ts';

export async function startPrometheus(
  processes: Processes,
  name: string,
  config: (port: number) => string,
): Promise<Server> {
  const port = await freePort();
  const folder = processes.folder(name);
  const file = join(folder, 'prometheus.yml');
  writeFileSync(file, config(port));
  return processes.start(
    name,
    BINARIES.prometheus.path,
    [`--config.file=${file}`, `--storage.tsdb.path=${join(folder, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
    port,
    '/-/ready',
  );
}
