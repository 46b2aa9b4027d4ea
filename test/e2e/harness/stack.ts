// The servers of the end-to-end test, all on 127.0.0.1: the loopback exporter and the webhook sink in the test
// process; Prometheus 3.5, which scrapes the exporter, evaluates the rules and remote-writes the scraped series into
// two VictoriaMetrics (bookworm's 1.79 and sid's current one); a vmalert of the same version on each; and one
// Alertmanager per ruler. Every ruler loads the same plain rule file, generated in-process from the fixture config.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { generate } from '../../../src/generate.ts';
import { alertmanagerConfig } from './alertmanager-config.ts';
import { assertInstalled, BINARIES } from './binaries.ts';
import { Exporter } from './exporter.ts';
import { EVALUATION_INTERVAL, prometheusConfig } from './prometheus-config.ts';
import { freePort, Processes, type Server } from './processes.ts';
import { WebhookSink } from './sink.ts';

const RULE_FILE = 'rule-files/prometheus/headroom.rules.yaml';
const ROUTE_FILE = 'alertmanager/routes.yaml';

/**
 * VictoriaMetrics hides the newest samples for this long (`-search.latencyOffset`, default 30s), and vmalert ≥ 1.9x
 * shifts its queries back as much (`-rule.evalDelay`, default 30s, set equal). Every recorded series an alert reads
 * through is one more such delay, so headroom's chain of recording rules reaches an alert minutes late at 30 s.
 * 10 s keeps the lag the test exists to exercise (recorded series are read back evaluations late) within the time
 * budget; 0 would remove it.
 */
const LATENCY_OFFSET = '10s';

export interface Ruler {
  /** How test names and the sink's paths name it. */
  name: string;
  /** Its HTTP API (Prometheus' /api/v1/rules and /api/v1/alerts; vmalert serves the same paths). */
  url: string;
  /** Its version (Prometheus' buildinfo; the Debian package's for VictoriaMetrics). */
  version: string;
}

export const RULER_NAMES = ['Prometheus 3.5', 'vmalert 1.79 (bookworm)', 'vmalert (sid)'] as const;

export interface Stack {
  rulers: Ruler[];
  exporter: Exporter;
  sink: WebhookSink;
  processes: Processes;
  /** The generated rule file every ruler loads. */
  rules: string;
  stop(): Promise<void>;
}

export async function startStack(config: string, clusters: readonly string[]): Promise<Stack> {
  assertInstalled(Object.values(BINARIES));
  const { tree } = await generate(config);
  const rules = tree.get(RULE_FILE);
  const routes = tree.get(ROUTE_FILE);
  if (rules === undefined || routes === undefined)
    throw new Error(`${config} writes no ${rules === undefined ? RULE_FILE : ROUTE_FILE}`);

  const processes = new Processes();
  const sink = new WebhookSink();
  const exporter = new Exporter(clusters);
  const stop = async () => {
    await processes.stopAll();
    await Promise.all([sink.close(), exporter.close()]);
  };
  try {
    await Promise.all([sink.listen(), exporter.listen()]);
    const ruleFile = join(processes.folder('rules'), 'headroom.rules.yaml');
    writeFileSync(ruleFile, rules);

    const [prometheusName, bookwormName, sidName] = RULER_NAMES;
    const [alertmanagers, vmBookworm, vmSid] = await Promise.all([
      Promise.all(RULER_NAMES.map((ruler) => startAlertmanager(processes, ruler, routes, sink))),
      startVictoriaMetrics(processes, 'victoria-metrics-bookworm', BINARIES.victoriaMetricsBookworm.path),
      startVictoriaMetrics(processes, 'victoria-metrics-sid', BINARIES.victoriaMetricsSid.path),
    ]);
    const [amPrometheus, amBookworm, amSid] = alertmanagers as [Server, Server, Server];

    const prometheusPort = await freePort();
    const prometheusFolder = processes.folder('prometheus');
    const prometheusFile = join(prometheusFolder, 'prometheus.yml');
    writeFileSync(
      prometheusFile,
      prometheusConfig({
        exporterPort: exporter.port,
        clusters,
        ruleFile,
        alertmanagerPort: amPrometheus.port,
        remoteWriteUrls: [`${vmBookworm.url}/api/v1/write`, `${vmSid.url}/api/v1/write`],
      }),
    );
    const prometheus = await processes.start(
      'prometheus',
      BINARIES.prometheus.path,
      [
        `--config.file=${prometheusFile}`,
        `--storage.tsdb.path=${join(prometheusFolder, 'data')}`,
        `--web.listen-address=127.0.0.1:${prometheusPort}`,
      ],
      prometheusPort,
      '/-/ready',
    );

    const [vmalertBookworm, vmalertSid] = await Promise.all([
      startVmalert(processes, 'vmalert-bookworm', BINARIES.vmalertBookworm.path, ruleFile, vmBookworm, amBookworm, []),
      startVmalert(processes, 'vmalert-sid', BINARIES.vmalertSid.path, ruleFile, vmSid, amSid, [
        `-rule.evalDelay=${LATENCY_OFFSET}`,
      ]),
    ]);

    const rulers: Ruler[] = [
      { name: prometheusName, url: prometheus.url, version: await prometheusVersion(prometheus.url) },
      { name: bookwormName, url: vmalertBookworm.url, version: victoriaMetricsVersion(BINARIES.vmalertBookworm.path) },
      { name: sidName, url: vmalertSid.url, version: victoriaMetricsVersion(BINARIES.vmalertSid.path) },
    ];
    return { rulers, exporter, sink, processes, rules, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startAlertmanager(
  processes: Processes,
  ruler: string,
  routes: string,
  sink: WebhookSink,
): Promise<Server> {
  const folder = processes.folder(`alertmanager-${slug(ruler)}`);
  const file = join(folder, 'alertmanager.yml');
  writeFileSync(
    file,
    alertmanagerConfig(routes, (receiver) => sink.url(ruler, receiver)),
  );
  const port = await freePort();
  return processes.start(
    `alertmanager-${slug(ruler)}`,
    BINARIES.alertmanager.path,
    [
      `--config.file=${file}`,
      `--storage.path=${join(folder, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // No gossip: three Alertmanagers that must not learn each other's alerts.
      '--cluster.listen-address=',
    ],
    port,
    '/-/ready',
  );
}

async function startVictoriaMetrics(processes: Processes, name: string, binary: string): Promise<Server> {
  const port = await freePort();
  return processes.start(
    name,
    binary,
    [
      `-storageDataPath=${processes.folder(name)}`,
      `-httpListenAddr=127.0.0.1:${port}`,
      `-search.latencyOffset=${LATENCY_OFFSET}`,
    ],
    port,
    '/health',
  );
}

async function startVmalert(
  processes: Processes,
  name: string,
  binary: string,
  ruleFile: string,
  victoriaMetrics: Server,
  alertmanager: Server,
  extra: string[],
): Promise<Server> {
  const port = await freePort();
  return processes.start(
    name,
    binary,
    [
      `-rule=${ruleFile}`,
      `-datasource.url=${victoriaMetrics.url}`,
      // headroom's alerts read its recorded series: vmalert writes them into the VictoriaMetrics it reads.
      `-remoteWrite.url=${victoriaMetrics.url}`,
      `-notifier.url=${alertmanager.url}`,
      `-evaluationInterval=${EVALUATION_INTERVAL}`,
      `-httpListenAddr=127.0.0.1:${port}`,
      ...extra,
    ],
    port,
    '/health',
  );
}

async function prometheusVersion(url: string): Promise<string> {
  const body = (await (await fetch(`${url}/api/v1/status/buildinfo`)).json()) as { data: { version: string } };
  return `Prometheus ${body.data.version}`;
}

/** Debian's builds report no version (-version and vm_app_version are empty): the package's changelog names it. */
function victoriaMetricsVersion(binary: string): string {
  const changelog = join(dirname(dirname(binary)), 'share', 'doc', 'victoria-metrics', 'changelog.Debian.gz');
  try {
    const first = gunzipSync(readFileSync(changelog)).toString('utf8').split('\n')[0] ?? '';
    return `VictoriaMetrics ${/\(([^)]+)\)/.exec(first)?.[1] ?? 'unknown version'}`;
  } catch {
    return 'VictoriaMetrics (unknown version)';
  }
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-|-$/g, '');
}
