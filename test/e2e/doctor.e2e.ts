// `headroom doctor` against real Prometheus 3.5 servers (issue 17): three stores over the loopback exporter, each
// loading the plain rule file generated from test/fixtures/e2e, each asked by doctor in-process (runCli).
// - complete: every input, scraped every 5 s, in two clusters: `full` (init containers, sidecars, a terminated
//   container, an eviction) and `quiet` (none of these yet: the series born at such events are absent, as in a young
//   cluster); every enabled alert must be ready in both, exit 0.
// - kube-prometheus-stack: the cadvisor scrape applies kube-prometheus-stack 88.5.3's default
//   cAdvisorMetricRelabelings (test/fixtures/stacks): PodMemoryNearLimit is blind, with the chart's fix, exit 1.
// - k8s-monitoring: every scrape applies k8s-monitoring-helm 4.4.0's default allowlists and cadvisor options, every
//   60 s: each blind alert is named with the chart's fix, and the 1m windows of the fixture with the scrape interval.
// The stores start at once; the 60 s one sets the pace (two scrapes: 60–120 s after it starts, 75 s on average). `npm
// run e2e`; E2E_KEEP=1 keeps the servers' folders and logs.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DoctorReport, Finding } from '../../src/doctor/findings.ts';
import { queryApi } from '../../src/doctor/query-api.ts';
import { generate } from '../../src/generate.ts';
import { binary, by, call, count, eq, max, number, print, range, selector } from '../../src/promql/index.ts';
import { MEMORY_RATIO } from '../../src/rules/record-names.ts';
import { clusterMetricsRules } from '../doctor/k8s-monitoring-rules.ts';
import type { RelabelRule } from '../doctor/relabel.ts';
import { FIXTURES, REPO_ROOT } from '../helpers/paths.ts';
import { type CliResult, runCli } from '../helpers/run-cli.ts';
import { assertInstalled, BINARIES } from './harness/binaries.ts';
import { Exporter, type TargetKind } from './harness/exporter.ts';
import { type FakeCluster, MiB } from './harness/kube.ts';
import { startPrometheus } from './harness/prometheus.ts';
import { type MetricRelabelConfig, prometheusConfig } from './harness/prometheus-config.ts';
import { Processes, type Server, sleep } from './harness/processes.ts';
import { World } from './harness/world.ts';

const CONFIG = join(FIXTURES, 'e2e', 'headroom.config.ts');
/** Other configs asked of the same stores: k8s-monitoring's job names as selectors; limits from cadvisor. */
const SELECTORS_CONFIG = join(FIXTURES, 'doctor', 'k8s-monitoring-selectors', 'headroom.config.ts');
const CADVISOR_LIMITS_CONFIG = join(FIXTURES, 'doctor', 'limit-source-cadvisor', 'headroom.config.ts');
const RULE_FILE = 'rule-files/prometheus/headroom.rules.yaml';

/** The fixture's alerts with a window, all 1m: at a 60 s scrape each holds one sample. */
const WINDOWED = ['ContainerOOMKilled', 'ContainerProcessOOMKilled', 'NodeMemoryEvictions', 'PodsEvicted'];

// biome-ignore lint/suspicious/noExplicitAny: Helm values are untyped YAML.
const stackValues = (file: string): Record<string, any> => parse(readFileSync(join(FIXTURES, 'stacks', file), 'utf8'));

/** A relabelling rule as prometheus-operator and the test's relabel.ts write it, in prometheus.yml's spelling. */
function prometheusYaml(rule: RelabelRule): MetricRelabelConfig {
  return {
    ...(rule.sourceLabels === undefined ? {} : { source_labels: rule.sourceLabels }),
    ...(rule.separator === undefined ? {} : { separator: rule.separator }),
    ...(rule.regex === undefined ? {} : { regex: rule.regex }),
    ...(rule.action === undefined ? {} : { action: rule.action }),
    ...(rule.targetLabel === undefined ? {} : { target_label: rule.targetLabel }),
    ...(rule.replacement === undefined ? {} : { replacement: rule.replacement }),
  };
}

/** kube-prometheus-stack 88.5.3: its ServiceMonitors' metricRelabelings, cadvisor's and the kubelet's. */
function kubePrometheusStack(kind: TargetKind): MetricRelabelConfig[] {
  const { kubelet } = stackValues('kube-prometheus-stack-88.5.3.yaml');
  if (kind === 'cadvisor') return kubelet.serviceMonitor.cAdvisorMetricRelabelings.map(prometheusYaml);
  if (kind === 'kubelet') return kubelet.serviceMonitor.metricRelabelings.map(prometheusYaml);
  return [];
}

/** k8s-monitoring-helm 4.4.0: what its Alloy prometheus.relabel components do to each source. */
function k8sMonitoring(kind: TargetKind): MetricRelabelConfig[] {
  const values = stackValues('k8s-monitoring-4.4.0.yaml');
  const source = kind === 'cadvisor' || kind === 'kubelet' ? kind : 'kube-state-metrics';
  return clusterMetricsRules(source, values.clusterMetrics, values.allowLists[source]).map(prometheusYaml);
}

/** kube-state-metrics' phase and reason series of a pod, as it exports them for every pod. */
function podStatus(cluster: FakeCluster, namespace: string, pod: string): void {
  const set = (name: string, labels: Record<string, string>, value: number) =>
    cluster.exporter.set(cluster.name, 'kube-state-metrics', name, { namespace, pod, ...labels }, value);
  for (const phase of ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'])
    set('kube_pod_status_phase', { phase }, phase === 'Running' ? 1 : 0);
  for (const reason of ['Evicted', 'NodeAffinity', 'NodeLost', 'Shutdown', 'UnexpectedAdmissionError'])
    set('kube_pod_status_reason', { reason }, 0);
}

/** A cluster that has seen everything: init containers, a sidecar, an OOM-killed container, an eviction. */
function everything(cluster: FakeCluster): void {
  cluster.node();
  cluster.evictions('memory.available', 1);
  cluster.namespace('payments');
  cluster.namespace('search-api', 'search');
  cluster.namespace('storage', 'storage');
  const limitBytes = 256 * MiB;
  cluster.container({ namespace: 'payments', pod: 'api-0', container: 'app', limitBytes, workingSetBytes: 90 * MiB });
  cluster.container({
    namespace: 'search-api',
    pod: 'index-0',
    container: 'app',
    limitBytes,
    workingSetBytes: 120 * MiB,
    restarts: 2,
    lastTerminated: { reason: 'OOMKilled', exitCode: 137 },
  });
  cluster.container({ namespace: 'storage', pod: 'db-0', container: 'app', limitBytes, workingSetBytes: 60 * MiB });
  cluster.container({
    namespace: 'storage',
    pod: 'db-0',
    container: 'init',
    type: 'init',
    limitBytes,
    workingSetBytes: 0,
    restarts: 1,
    lastTerminated: { reason: 'Error', exitCode: 1 },
  });
  cluster.container({
    namespace: 'storage',
    pod: 'db-0',
    container: 'sidecar',
    type: 'sidecar',
    limitBytes,
    workingSetBytes: 10 * MiB,
  });
  for (const [namespace, pod] of [
    ['payments', 'api-0'],
    ['search-api', 'index-0'],
    ['storage', 'db-0'],
  ] as const)
    podStatus(cluster, namespace, pod);
}

/** A young cluster: containers that never terminated, no init containers, no eviction yet. */
function quiet(cluster: FakeCluster): void {
  cluster.node();
  cluster.namespace('search-api', 'search');
  cluster.container({
    namespace: 'search-api',
    pod: 'index-0',
    container: 'app',
    limitBytes: 128 * MiB,
    workingSetBytes: 30 * MiB,
  });
  podStatus(cluster, 'search-api', 'index-0');
}

interface StoreSetup {
  name: string;
  clusters: Record<string, (cluster: FakeCluster) => void>;
  scrapeInterval?: string;
  relabel?: (kind: TargetKind) => MetricRelabelConfig[];
}

/** The targets that answer (the rescheduled kube-state-metrics replica is down). */
const TARGETS: TargetKind[] = ['cadvisor', 'kube-state-metrics-a', 'kube-state-metrics-b', 'kubelet'];

const SETUPS = {
  complete: { name: 'complete', clusters: { full: everything, quiet } },
  kps: { name: 'kube-prometheus-stack', clusters: { kps: everything }, relabel: kubePrometheusStack },
  k8sMonitoring: {
    name: 'k8s-monitoring',
    clusters: { 'k8s-monitoring': everything },
    scrapeInterval: '60s',
    relabel: k8sMonitoring,
  },
} satisfies Record<string, StoreSetup>;

const began = Date.now();
const timings: string[] = [];
let processes: Processes | undefined;
let exporter: Exporter | undefined;
let ruleFile = '';

beforeAll(async () => {
  assertInstalled([BINARIES.prometheus]);
  const { tree } = await generate(CONFIG);
  const rules = tree.get(RULE_FILE);
  if (rules === undefined) throw new Error(`${CONFIG} writes no ${RULE_FILE}`);
  processes = new Processes();
  ruleFile = join(processes.folder('rules'), 'headroom.rules.yaml');
  writeFileSync(ruleFile, rules);
  exporter = new Exporter(Object.values(SETUPS).flatMap((setup) => Object.keys(setup.clusters)));
  await exporter.listen();
}, 60_000);

afterAll(async () => {
  const pids = processes?.running() ?? [];
  await processes?.stopAll();
  await exporter?.close();
  console.log(
    `doctor e2e: ${((Date.now() - began) / 1000).toFixed(0)} s in all (${timings.join('; ')}); ` +
      `stopped ${pids.length} Prometheus by pid: ${pids.join(' ')}`,
  );
}, 30_000);

interface Store {
  server: Server;
  clusters: string[];
}

/** Each store starts once, at the first test that asks for it; the tests run at once, so do the stores. */
const stores = new Map<StoreSetup, Promise<Store>>();
function store(setup: StoreSetup): Promise<Store> {
  let started = stores.get(setup);
  if (started === undefined) {
    started = startStore(setup);
    stores.set(setup, started);
  }
  return started;
}

async function startStore(setup: StoreSetup): Promise<Store> {
  if (processes === undefined || exporter === undefined) throw new Error('the exporter did not start');
  const { port } = exporter;
  const world = new World(exporter);
  const clusters = Object.keys(setup.clusters);
  for (const [name, populate] of Object.entries(setup.clusters)) populate(world.cluster(name));
  // Every exporter scraped once (waited for from before the start, so the first scrape counts); then the store
  // polled until some kube-state-metrics target, read by every windowed alert, has two samples of `up` (see ready()).
  const firstScrapes: string[] = [];
  const scraped = Promise.all(
    clusters.flatMap((cluster) =>
      TARGETS.map((kind) =>
        world.scrapes(cluster, kind).then(() => firstScrapes.push(`${kind} ${world.now().toFixed(0)} s`)),
      ),
    ),
  );
  const server = await startPrometheus(processes, `prometheus-${setup.name}`, (selfScrapePort) =>
    prometheusConfig({
      exporterPort: port,
      clusters,
      ruleFile,
      selfScrapePort,
      ...(setup.scrapeInterval === undefined ? {} : { scrapeInterval: setup.scrapeInterval }),
      ...(setup.relabel === undefined ? {} : { metricRelabelConfigs: setup.relabel }),
    }),
  );
  await scraped;
  await ready(server, clusters);
  timings.push(`${setup.name} ready after ${world.now().toFixed(0)} s, first scrapes: ${firstScrapes.join(', ')}`);
  return { server, clusters };
}

/**
 * Waits until every cluster has two samples of some kube-state-metrics target's `up` (the scrape interval is measured
 * from them; at 60 s the first scrape comes 0–60 s after the start, Prometheus spreading targets over the interval,
 * the second 60 s later; the down replica's failed scrapes count too) and headroom's rules have recorded the memory
 * ratio (they evaluate every 5 s).
 */
async function ready(server: Server, clusters: readonly string[]): Promise<void> {
  const api = queryApi({ url: server.url, env: {} });
  const samples = call('count_over_time', [range(selector('up', eq('job', 'kube-state-metrics')), '10m')]);
  const conditions = [
    print(binary(max(by(['cluster']), samples), '>=', number(2))),
    print(count(by(['cluster']), selector(MEMORY_RATIO))),
  ];
  const deadline = Date.now() + 150_000;
  for (;;) {
    const answers = await Promise.all(conditions.map((expr) => api.query(expr)));
    const seen = answers.map((samples) => new Set(samples.map((sample) => sample.labels.cluster)));
    if (seen.every((clustersSeen) => clusters.every((cluster) => clustersSeen.has(cluster)))) return;
    if (Date.now() > deadline) throw new Error(`${server.name}: not ready in ${clusters.join(', ')}`);
    await sleep(1_000);
  }
}

/** runCli swaps process-wide state while it loads a config: one doctor at a time. */
let queue: Promise<unknown> = Promise.resolve();
function doctor(server: Server, args: string[], config = CONFIG): Promise<CliResult> {
  const run = queue.then(async () => {
    const result = await runCli(['doctor', '--config', config, '--prometheus', server.url, ...args], REPO_ROOT);
    // DOCTOR_DUMP=<folder> keeps each report, as docs/doctor.md shows one.
    const dump = process.env.DOCTOR_DUMP;
    const format = args.includes('json') ? 'json' : 'txt';
    if (dump) writeFileSync(join(dump, `${server.name}-${basename(dirname(config))}.${format}`), result.stdout);
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}

async function jsonReport(server: Server, config = CONFIG): Promise<{ code: number; report: DoctorReport }> {
  const { code, stdout, stderr } = await doctor(server, ['--format', 'json'], config);
  for (const line of stderr.trim().split('\n'))
    expect(line, 'progress only on stderr').toMatch(/^headroom doctor: .*…$/);
  return { code, report: JSON.parse(stdout) as DoctorReport };
}

/** Alert → readiness, in one cluster. */
function readiness(report: DoctorReport, cluster: string): Record<string, string> {
  return Object.fromEntries(
    report.alerts.filter((alert) => alert.cluster === cluster).map((alert) => [alert.alert, alert.readiness]),
  );
}

function blinding(report: DoctorReport, alert: string, cluster: string): Finding[] {
  return report.findings.filter(
    (finding) => finding.blinds.includes(alert) && (finding.cluster === undefined || finding.cluster === cluster),
  );
}

const stackNames = (finding: Finding) => finding.fixes.map((fix) => fix.stack);

describe.concurrent('headroom doctor against Prometheus 3.5', () => {
  describe('a store with every input (5 s scrapes): all ready', () => {
    it('exit 0: every enabled alert is ready in both clusters, the quiet one too', async () => {
      const { server } = await store(SETUPS.complete);
      const { code, report } = await jsonReport(server);
      expect(report.clusters).toEqual(['full', 'quiet']);
      const enabled = report.alerts.filter((alert) => alert.cluster === 'full').map((alert) => alert.alert);
      expect(enabled.length).toBeGreaterThanOrEqual(10);
      for (const cluster of ['full', 'quiet'])
        expect(readiness(report, cluster)).toEqual(Object.fromEntries(enabled.map((alert) => [alert, 'ready'])));
      expect(report.findings.filter((finding) => finding.blinds.length > 0 || finding.degrades.length > 0)).toEqual([]);
      expect(code).toBe(0);
    });

    it('the quiet cluster’s series that only an event creates are said, not counted against the alerts', async () => {
      const { server } = await store(SETUPS.complete);
      const { report } = await jsonReport(server);
      const notYet = report.findings.filter((finding) => finding.check === 'event-series');
      expect(notYet.map((finding) => finding.cluster)).toEqual(['quiet']);
      expect(notYet[0]!.subject.split(', ')).toEqual(
        expect.arrayContaining(['kubelet_evictions', 'kube_pod_container_status_last_terminated_reason']),
      );
      expect(notYet[0]!.blinds).toEqual([]);
      expect(stackNames(notYet[0]!)).toEqual(expect.arrayContaining(['k8s-monitoring-helm', 'gmp']));
      expect(report.findings.filter((finding) => finding.check === 'series')).toEqual([]);
    });

    it('the text report: a summary line, each cluster’s alerts; progress on stderr only', async () => {
      const { server } = await store(SETUPS.complete);
      const { code, stdout, stderr } = await doctor(server, []);
      expect(code).toBe(0);
      expect(stdout.split('\n')[0]).toMatch(
        new RegExp(`^headroom doctor: ${server.url}: every alert ready \\(\\d+ queries\\)$`),
      );
      expect(stdout).toContain('cluster="quiet":\n  ready     ContainerMemoryNearLimit\n');
      expect(stdout).not.toContain('…');
      expect(stderr.trim().split('\n').length).toBeGreaterThan(1);
      for (const line of stderr.trim().split('\n')) expect(line).toMatch(/^headroom doctor: .*…$/);
    });

    it(
      'selectors that match none of its jobs: exit 1, every alert blind, ' + 'each input named under its real job',
      async () => {
        const { server } = await store(SETUPS.complete);
        const { code, report } = await jsonReport(server, SELECTORS_CONFIG);
        expect(report.clusters).toEqual(['full', 'quiet']);
        expect(new Set(report.alerts.map((alert) => alert.readiness))).toEqual(new Set(['blind']));
        const series = report.findings.filter((finding) => finding.check === 'series');
        expect(series.length).toBeGreaterThan(0);
        for (const finding of series) {
          expect(finding.message).toMatch(/the store has it under job="(kubelet|kube-state-metrics)": set selectors\./);
          expect(stackNames(finding)).toContain('k8s-monitoring-helm');
        }
        expect(code).toBe(1);
      },
    );
  });

  describe('kube-prometheus-stack 88.5.3’s cAdvisor relabelling', () => {
    it('exit 1: PodMemoryNearLimit is blind, with the kube-prometheus-stack fix; nothing else is', async () => {
      const { server } = await store(SETUPS.kps);
      const { code, report } = await jsonReport(server);
      const blind = Object.entries(readiness(report, 'kps'))
        .filter(([, state]) => state === 'blind')
        .map(([alert]) => alert);
      expect(blind).toEqual(['PodMemoryNearLimit']);
      const findings = blinding(report, 'PodMemoryNearLimit', 'kps');
      expect(findings.map((finding) => finding.subject)).toEqual(['container_spec_memory_limit_bytes (pod cgroup)']);
      expect(stackNames(findings[0]!)).toContain('kube-prometheus-stack');
      const fix = findings[0]!.fixes.find((candidate) => candidate.stack === 'kube-prometheus-stack')!;
      expect(fix.snippet).toContain("regex: 'container_spec_(cpu_.*|memory_reservation_limit_bytes");
      expect(code).toBe(1);
    });

    it('the text report names PodMemoryNearLimit blind and prints the chart’s values to paste', async () => {
      const { server } = await store(SETUPS.kps);
      const { code, stdout } = await doctor(server, []);
      expect(code).toBe(1);
      expect(stdout).toContain('  blind     PodMemoryNearLimit\n');
      expect(stdout).toContain('  fix for kube-prometheus-stack: ');
      expect(stdout).toContain('    kubelet:\n      serviceMonitor:\n');
    });
  });

  describe('kube-prometheus-stack, with limits from cadvisor', () => {
    it('exit 1: every alert that divides by a limit is blind, each with the kube-prometheus-stack fix', async () => {
      const { server } = await store(SETUPS.kps);
      const { code, report } = await jsonReport(server, CADVISOR_LIMITS_CONFIG);
      const states = readiness(report, 'kps');
      expect(Object.keys(states).filter((alert) => states[alert] === 'blind')).toEqual([
        'ContainerMemoryNearLimit',
        'ContainerMemoryLeak',
        'PodMemoryNearLimit',
        'ContainersWithoutMemoryLimit',
      ]);
      expect(states.ContainerOOMKilled).toBe('degraded');
      for (const alert of ['ContainerMemoryNearLimit', 'ContainerMemoryLeak', 'PodMemoryNearLimit'])
        for (const finding of blinding(report, alert, 'kps'))
          expect(stackNames(finding)).toContain('kube-prometheus-stack');
      expect(code).toBe(1);
    });
  });

  describe('k8s-monitoring-helm 4.4.0’s allowlists, scraped every 60 s', () => {
    it('exit 1: each blind alert is named with the k8s-monitoring-helm fix', async () => {
      const { server } = await store(SETUPS.k8sMonitoring);
      const { code, report } = await jsonReport(server);
      const states = readiness(report, 'k8s-monitoring');
      const blind = Object.keys(states).filter((alert) => states[alert] === 'blind');
      expect(blind).toEqual(expect.arrayContaining(['PodMemoryNearLimit', ...WINDOWED]));
      for (const alert of blind) {
        const fixed = blinding(report, alert, 'k8s-monitoring').filter((finding) =>
          stackNames(finding).includes('k8s-monitoring-helm'),
        );
        expect(fixed, `${alert}: a finding that blinds it with the k8s-monitoring-helm fix`).not.toEqual([]);
      }
      expect(code).toBe(1);
    });

    it('the text report names each blind alert and the chart’s values to paste', async () => {
      const { server } = await store(SETUPS.k8sMonitoring);
      const { code, stdout } = await doctor(server, []);
      expect(code).toBe(1);
      for (const alert of ['PodMemoryNearLimit', ...WINDOWED]) expect(stdout).toContain(`  blind     ${alert}\n`);
      expect(stdout).toContain('  fix for k8s-monitoring-helm: ');
      expect(stdout).toContain('    clusterMetrics:\n      cadvisor:\n');
    });

    it('the 1m windows are named against the measured 60 s scrape interval, with the fix', async () => {
      const { server } = await store(SETUPS.k8sMonitoring);
      const { report } = await jsonReport(server);
      for (const alert of WINDOWED) {
        const short = report.findings.filter(
          (finding) => finding.check === 'scrape-interval' && finding.blinds.includes(alert),
        );
        expect(short.length, alert).toBeGreaterThan(0);
        expect(short[0]!.message).toMatch(/scraped every 60 s/);
        expect(stackNames(short[0]!)).toContain('k8s-monitoring-helm');
      }
    });

    it(
      'the pod cgroup’s working set, namespace labels and the exit code: ' + 'each named with the chart’s fix',
      async () => {
        const { server } = await store(SETUPS.k8sMonitoring);
        const { report } = await jsonReport(server);
        const subjects = (stack: string) =>
          report.findings.filter((finding) => stackNames(finding).includes(stack)).map((finding) => finding.subject);
        const podWorkingSet = report.findings.find(
          (finding) => finding.subject === 'container_memory_working_set_bytes (pod cgroup)',
        );
        expect(podWorkingSet?.blinds).toEqual(['PodMemoryNearLimit']);
        expect(stackNames(podWorkingSet!)).toEqual(['k8s-monitoring-helm']);
        expect(podWorkingSet!.fixes[0]!.snippet).toContain('dropEmptyContainerLabels: false');
        expect(subjects('k8s-monitoring-helm')).toEqual(
          expect.arrayContaining([
            'container_memory_working_set_bytes (pod cgroup)',
            'container_spec_memory_limit_bytes (pod cgroup)',
            'container_oom_events_total',
            'kube_pod_container_status_last_terminated_exitcode',
            'kubelet_evictions',
            'kube_namespace_labels{label_team}',
          ]),
        );
      },
    );
  });
});
