// A throwaway Prometheus on loopback: temp data dir, our scrape and rule files, stopped by the benchmark itself.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

interface PrometheusOptions {
  binary: string;
  dir: string;
  metricsPort: number;
  ruleFiles: string[];
  scrapeInterval: string;
  evaluationInterval: string;
}

export interface Prometheus {
  port: number;
  version: string;
  /** Reloads with the same scrape jobs and only these rule files: rules left out stop being evaluated. */
  loadRules(ruleFiles: string[]): Promise<void>;
  /** Reloads with no scrape jobs and no rules: Prometheus idles, so query timings see no background work. */
  idle(): Promise<void>;
  /** CPU time the Prometheus process has used so far, seconds; Linux /proc. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function prometheusConfig(options: PrometheusOptions, port: number): string {
  const target = `127.0.0.1:${options.metricsPort}`;
  return stringify({
    global: {
      scrape_interval: options.scrapeInterval,
      scrape_timeout: options.scrapeInterval,
      evaluation_interval: options.evaluationInterval,
    },
    rule_files: options.ruleFiles,
    scrape_configs: [
      // kube-prometheus relabels __metrics_path__ into a metrics_path label; a static label does the same here.
      {
        job_name: 'kubelet',
        metrics_path: '/metrics/cadvisor',
        static_configs: [{ targets: [target], labels: { metrics_path: '/metrics/cadvisor' } }],
      },
      // kubelet's own /metrics, every node's in one exposition whose instance labels name the nodes; its job label is
      // kubelet's (a job name is unique, the label need not be).
      {
        job_name: 'kubelet-own-metrics',
        metrics_path: '/metrics/kubelet',
        honor_labels: true,
        static_configs: [{ targets: [target], labels: { job: 'kubelet', metrics_path: '/metrics' } }],
      },
      {
        job_name: 'kube-state-metrics',
        metrics_path: '/kube-state-metrics',
        static_configs: ['ksm-0', 'ksm-1'].map((instance) => ({ targets: [target], labels: { instance } })),
      },
      // Itself, for prometheus_rule_group_last_duration_seconds over time.
      { job_name: 'prometheus', static_configs: [{ targets: [`127.0.0.1:${port}`] }] },
    ],
  });
}

export async function startPrometheus(options: PrometheusOptions): Promise<Prometheus> {
  if (!existsSync(options.binary))
    throw new Error(
      `${options.binary} not found: install Prometheus (Debian package prometheus) or pass --prometheus PATH`,
    );
  const port = await freePort();
  const configFile = join(options.dir, 'prometheus.yml');
  writeFileSync(configFile, prometheusConfig(options, port));
  const child = spawn(
    options.binary,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${join(options.dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
      // For idle(): /-/reload. Loopback only, a throwaway instance.
      '--web.enable-lifecycle',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const stop = () => stopChild(child);
  try {
    await waitUntil(
      async () => (await fetch(`http://127.0.0.1:${port}/-/ready`)).ok,
      60_000,
      () => child.exitCode !== null,
    );
  } catch (error) {
    await stop();
    throw new Error(`Prometheus did not start (${String(error)}):\n${log}`);
  }
  const build = (await (await fetch(`http://127.0.0.1:${port}/api/v1/status/buildinfo`)).json()) as {
    data: { version: string };
  };
  const reload = async (config: string) => {
    writeFileSync(configFile, config);
    const response = await fetch(`http://127.0.0.1:${port}/-/reload`, { method: 'POST' });
    if (!response.ok) throw new Error(`reload failed: HTTP ${response.status} ${await response.text()}`);
  };
  const loadRules = (ruleFiles: string[]) => reload(prometheusConfig({ ...options, ruleFiles }, port));
  const idle = () => reload(stringify({ global: { evaluation_interval: options.evaluationInterval } }));
  const cpuSeconds = () => processCpuSeconds(child.pid!);
  return { port, version: build.data.version, loadRules, idle, cpuSeconds, stop };
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/**
 * On-CPU time of all the process's threads, from the scheduler's nanosecond counters (/proc/<pid>/task/<tid>/schedstat,
 * first field), so a query of a few milliseconds is measured, not rounded to the 10 ms clock tick; /proc/<pid>/stat's
 * tick-based user + system time where schedstat is missing. Go keeps its threads, so none of the time is lost with an
 * exited thread.
 */
function processCpuSeconds(pid: number): number {
  try {
    let nanoseconds = 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      try {
        nanoseconds += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // the thread exited between the listing and the read
      }
    }
    if (nanoseconds > 0) return nanoseconds / 1e9;
  } catch {
    // no schedstat (kernel without CONFIG_SCHEDSTATS): clock ticks below
  }
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

export async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  abort: () => boolean = () => false,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (abort()) throw new Error('process exited');
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s`);
    await sleep(500);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
