// The fixes doctor prints are checked against the stacks themselves: each stack's default relabelling (copied into
// test/fixtures/stacks/ with its source) drops what the data says it drops, and the relabelling with the fix applied
// keeps every series headroom reads, the pod cgroup's included, while still dropping what the stack dropped before.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import {
  fixesFor,
  namespaceLabelFixes,
  podCgroupFixes,
  STACKS,
  scrapeIntervalFixes,
  selectorFixes,
} from '../../src/doctor/stack-fixes.ts';
import { type Exporter, INPUT } from '../../src/rules/input-series.ts';
import { parseSelector } from '../../src/values/selector.ts';
import { FIXTURES } from '../helpers/paths.ts';
import { mergeValues } from './helm-values.ts';
import { clusterMetricsRules } from './k8s-monitoring-rules.ts';
import { type RelabelRule, relabel, type Series } from './relabel.ts';

// biome-ignore lint/suspicious/noExplicitAny: Helm values are untyped YAML.
type Values = Record<string, any>;

const fixture = (name: string): Values => parse(readFileSync(join(FIXTURES, 'stacks', name), 'utf8'));
const yamlOf = (snippet: string): Values => parse(snippet);

const inputMetrics = (exporter?: Exporter) =>
  [
    ...new Set(
      Object.values(INPUT)
        .filter((input) => exporter === undefined || input.exporter === exporter)
        .map((input) => input.metric),
    ),
  ].sort();

const stack = (name: string) => STACKS.find((candidate) => candidate.stack === name)!;

/** Every fix of a stack, as doctor can print it. */
function allFixes(name: string) {
  const data = stack(name);
  return [
    ...Object.values(data.metrics),
    data.scrapeInterval,
    data.namespaceLabels('team'),
    data.podCgroup,
    data.selectors,
  ].filter((verdict) => verdict !== 'kept');
}

// cadvisor's series of one container, of its pod's own cgroup (container="", no image) and of a QoS-class cgroup
// above the pods (no pod either); empty labels are absent, as Prometheus stores them.
const container = (metric: string): Series => ({
  __name__: metric,
  id: '/kubepods/burstable/pod7c1e/0a1b',
  namespace: 'shop',
  pod: 'api-0',
  container: 'app',
  image: 'registry.example.com/api:1.4',
});
const podCgroup = (metric: string): Series => ({
  __name__: metric,
  id: '/kubepods/burstable/pod7c1e',
  namespace: 'shop',
  pod: 'api-0',
});
const qosCgroup = (metric: string): Series => ({ __name__: metric, id: '/kubepods/burstable' });
const kubeletSeries = (metric: string): Series => ({
  __name__: metric,
  instance: '10.0.3.7:10250',
  eviction_signal: 'memory.available',
});
const kubeStateSeries = (metric: string): Series => ({
  __name__: metric,
  namespace: 'shop',
  pod: 'api-0',
  container: 'app',
});

const keeps = (rules: readonly RelabelRule[], series: Series) => relabel(series, rules) !== undefined;
const kept = (rules: readonly RelabelRule[], series: Series[]) =>
  series.filter((one) => keeps(rules, one)).map((one) => `${one.__name__}{pod="${one.pod ?? ''}"}`);

describe('the stacks doctor knows', () => {
  it('each says, for every metric headroom reads, that it keeps it or how to get it back', () => {
    for (const data of STACKS) expect(Object.keys(data.metrics).sort(), data.stack).toEqual(inputMetrics());
  });

  it('fixesFor lists the stacks that lose a metric, in the order of STACKS, and no others', () => {
    expect(fixesFor(INPUT.workingSet.metric)).toEqual([]);
    expect(fixesFor(INPUT.cadvisorLimit.metric).map((fix) => fix.stack)).toEqual([
      'kube-prometheus-stack',
      'k8s-monitoring-helm',
      'gmp',
    ]);
    expect(fixesFor(INPUT.initLastExitCode.metric).map((fix) => fix.stack)).toEqual([
      'k8s-monitoring-helm',
      'gmp',
      'kube-state-metrics',
    ]);
    const evictions = INPUT.evictions.metric;
    expect(fixesFor(evictions)).toEqual(
      ['k8s-monitoring-helm', 'gmp'].map((name) => ({ stack: name, ...(stack(name).metrics[evictions] as object) })),
    );
  });

  it('fixesFor refuses a metric no stack speaks of, instead of saying nothing is to be done', () => {
    expect(() => fixesFor('container_memory_rss')).toThrow(/says nothing of container_memory_rss/);
  });

  it('every YAML snippet is one valid YAML document; every text snippet is lines ending in a newline', () => {
    for (const data of STACKS)
      for (const fix of allFixes(data.stack)) {
        expect(fix.snippet.endsWith('\n'), `${data.stack}: ${fix.snippet}`).toBe(true);
        if (fix.language === 'text') continue;
        const document = parseDocument(fix.snippet, { uniqueKeys: true });
        expect([...document.errors, ...document.warnings], `${data.stack}: ${fix.snippet}`).toEqual([]);
        expect(document.toJS(), `${data.stack}: ${fix.snippet}`).toBeTypeOf('object');
      }
  });

  it('the namespace-label fixes allow the label key asked for, prefixed keys included', () => {
    for (const key of ['team', 'example.com/team'])
      for (const fix of namespaceLabelFixes(key)) expect(fix.snippet, fix.stack).toContain(`namespaces=[${key}]`);
    expect(namespaceLabelFixes('team').map((fix) => fix.stack)).toEqual(STACKS.map((data) => data.stack));
  });

  it('the selectors to configure are label matchers headroom accepts, one per selector', () => {
    expect(selectorFixes().map((fix) => fix.stack)).toEqual(['k8s-monitoring-helm', 'gmp', 'kube-state-metrics']);
    for (const fix of selectorFixes()) {
      const selectors = [...fix.snippet.matchAll(/^ {2}(\w+): '(.*)',$/gm)];
      expect(selectors.map(([, key]) => key)).toEqual(['cadvisor', 'kubeStateMetrics', 'kubelet']);
      for (const [, key, text] of selectors) expect(parseSelector(text!), `${fix.stack} ${key}`).toBeUndefined();
    }
  });

  it('every stack has a scrape-interval fix; the pod-cgroup fixes are those of the stacks that drop it', () => {
    expect(scrapeIntervalFixes().map((fix) => fix.stack)).toEqual(STACKS.map((data) => data.stack));
    // kube-prometheus-stack and GMP keep the pod cgroup; they drop the limit of every cgroup (fixesFor says it).
    expect(podCgroupFixes().map((fix) => fix.stack)).toEqual(['k8s-monitoring-helm']);
  });
});

describe('kube-prometheus-stack: the fix applied to the chart’s default cAdvisorMetricRelabelings', () => {
  const defaults = fixture('kube-prometheus-stack-88.5.3.yaml');
  const cadvisorRules = (values: Values): RelabelRule[] => values.kubelet.serviceMonitor.cAdvisorMetricRelabelings;
  const fixed = allFixes('kube-prometheus-stack')
    .filter((fix) => fix.language === 'yaml')
    .reduce((values, fix) => mergeValues(values, yamlOf(fix.snippet)), defaults);
  const cadvisor = inputMetrics('cadvisor');
  const everyCgroup = cadvisor.flatMap((metric) => [container(metric), podCgroup(metric)]);

  it('the default drops container_spec_memory_limit_bytes, the pod cgroup’s too, and keeps the rest', () => {
    expect(kept(cadvisorRules(defaults), everyCgroup)).toEqual([
      'container_memory_working_set_bytes{pod="api-0"}',
      'container_memory_working_set_bytes{pod="api-0"}',
      'container_oom_events_total{pod="api-0"}',
      'container_oom_events_total{pod="api-0"}',
    ]);
  });

  it('with the fix every cadvisor series headroom reads is kept, for containers and for the pod cgroup', () => {
    expect(kept(cadvisorRules(fixed), everyCgroup)).toHaveLength(everyCgroup.length);
  });

  it('with the fix the rest stays dropped: the other container_spec_* series, cgroups without a pod', () => {
    const others = [
      'container_spec_cpu_period',
      'container_spec_cpu_quota',
      'container_spec_cpu_shares',
      'container_spec_memory_reservation_limit_bytes',
      'container_spec_memory_swap_limit_bytes',
      'container_memory_swap',
    ].map(container);
    expect(kept(cadvisorRules(fixed), [...others, ...cadvisor.map(qosCgroup)])).toEqual([]);
  });

  it('the fix repeats every default rule but the container_spec one (Helm replaces the list whole)', () => {
    const changed = cadvisorRules(defaults)
      .map((rule, index) => (JSON.stringify(rule) === JSON.stringify(cadvisorRules(fixed)[index]) ? undefined : index))
      .filter((index) => index !== undefined);
    expect(cadvisorRules(fixed)).toHaveLength(cadvisorRules(defaults).length);
    expect(changed.map((index) => cadvisorRules(defaults)[index!]!.regex)).toEqual(['container_spec.*']);
  });

  it('the kubelet’s /metrics relabelling keeps its eviction counter and node name', () => {
    const rules: RelabelRule[] = fixed.kubelet.serviceMonitor.metricRelabelings;
    expect(kept(rules, inputMetrics('kubelet').map(kubeletSeries))).toHaveLength(2);
  });
});

describe('k8s-monitoring-helm: the fixes applied to the chart’s allowlists and cadvisor options', () => {
  const defaults = fixture('k8s-monitoring-4.4.0.yaml');
  const metricFixes = Object.values(stack('k8s-monitoring-helm').metrics).filter((verdict) => verdict !== 'kept');
  const fixed = [...new Set([...metricFixes, stack('k8s-monitoring-helm').podCgroup])]
    .filter((fix) => fix !== 'kept')
    .reduce((values, fix) => mergeValues(values, yamlOf(fix.snippet)), defaults);
  const rules = (values: Values, source: 'cadvisor' | 'kubelet' | 'kube-state-metrics') =>
    clusterMetricsRules(source, values.clusterMetrics, defaults.allowLists[source]);
  const cadvisor = inputMetrics('cadvisor');

  it('by default cadvisor keeps only the working set, and not the pod cgroup’s', () => {
    expect(
      kept(
        rules(defaults, 'cadvisor'),
        cadvisor.flatMap((m) => [container(m), podCgroup(m)]),
      ),
    ).toEqual(['container_memory_working_set_bytes{pod="api-0"}']);
  });

  it('by default the kubelet has no eviction counter and kube-state-metrics no exit code', () => {
    expect(kept(rules(defaults, 'kubelet'), inputMetrics('kubelet').map(kubeletSeries))).toEqual([
      'kubelet_node_name{pod=""}',
    ]);
    const kubeState = inputMetrics('kube-state-metrics').map(kubeStateSeries);
    expect(kubeState.filter((series) => !keeps(rules(defaults, 'kube-state-metrics'), series))).toEqual([
      kubeStateSeries(INPUT.lastExitCode.metric),
    ]);
  });

  it('with the fixes every series headroom reads is kept, the pod cgroup’s working set and limit included', () => {
    const series = [
      ...cadvisor.flatMap((metric) => [container(metric), podCgroup(metric)]),
      ...inputMetrics('kubelet').map(kubeletSeries),
      ...inputMetrics('kube-state-metrics').map(kubeStateSeries),
    ];
    const source = (one: Series) =>
      one.id !== undefined ? 'cadvisor' : one.instance !== undefined ? 'kubelet' : 'kube-state-metrics';
    expect(series.filter((one) => !keeps(rules(fixed, source(one)), one))).toEqual([]);
  });

  it('the pod-cgroup fix still drops what the empty-label options dropped, but the pod cgroup’s working set', () => {
    const before = rules(defaults, 'cadvisor');
    const after = rules(fixed, 'cadvisor');
    const sample = [
      ...['container_memory_rss', 'container_memory_working_set_bytes', 'container_cpu_usage_seconds_total'].flatMap(
        (metric) => [podCgroup(metric), qosCgroup(metric), container(metric)],
      ),
      { ...container('container_memory_working_set_bytes'), image: '' },
      { ...podCgroup('container_network_receive_bytes_total') },
    ];
    const changed = sample.filter((one) => keeps(before, one) !== keeps(after, one));
    expect(changed).toEqual([podCgroup('container_memory_working_set_bytes')]);
    expect(relabel(podCgroup('container_memory_working_set_bytes'), after)).toEqual(
      podCgroup('container_memory_working_set_bytes'),
    );
  });

  it('the namespace-label fix keeps the chart’s node-label entry and keeps the exit code', () => {
    const values: Values = mergeValues(fixed, yamlOf(stack('k8s-monitoring-helm').namespaceLabels('team').snippet));
    const chartEntries: string[] = defaults.telemetryServices['kube-state-metrics'].metricLabelsAllowlist;
    expect(values.telemetryServices['kube-state-metrics'].metricLabelsAllowlist).toEqual([
      ...chartEntries,
      'namespaces=[team]',
    ]);
    const kubeState = rules(values, 'kube-state-metrics');
    expect(keeps(kubeState, kubeStateSeries('kube_namespace_labels'))).toBe(true);
    expect(keeps(kubeState, kubeStateSeries(INPUT.lastExitCode.metric))).toBe(true);
  });
});

describe('gmp: the examples’ relabelling and headroom’s own monitoring objects', () => {
  const examples = fixture('gmp-v0.17.2.yaml');
  const monitoringRules = (snippet: string): RelabelRule[] => yamlOf(snippet).spec.endpoints[0].metricRelabeling;
  const cadvisor = inputMetrics('cadvisor');

  it('the managed cAdvisor and kubelet lists keep the working set and the node name only', () => {
    expect(kept(examples.cadvisor, cadvisor.map(container))).toEqual([
      'container_memory_working_set_bytes{pod="api-0"}',
    ]);
    expect(kept(examples.kubelet, inputMetrics('kubelet').map(kubeletSeries))).toEqual(['kubelet_node_name{pod=""}']);
  });

  it('headroom-cadvisor and headroom-kubelet keep every series headroom reads, the pod cgroup’s included', () => {
    const cadvisorFix = fixesFor(INPUT.cadvisorLimit.metric).find((fix) => fix.stack === 'gmp')!;
    const kubeletFix = fixesFor(INPUT.evictions.metric).find((fix) => fix.stack === 'gmp')!;
    const everyCgroup = cadvisor.flatMap((metric) => [container(metric), podCgroup(metric)]);
    expect(kept(monitoringRules(cadvisorFix.snippet), everyCgroup)).toHaveLength(everyCgroup.length);
    expect(kept(monitoringRules(kubeletFix.snippet), inputMetrics('kubelet').map(kubeletSeries))).toHaveLength(2);
    expect(yamlOf(cadvisorFix.snippet).spec.endpoints[0].path).toBe('/metrics/cadvisor');
    expect(yamlOf(kubeletFix.snippet).spec.endpoints[0].path).toBe('/metrics');
  });

  it('Google’s kube-state-metrics example keeps every series headroom reads of it, namespace labels included', () => {
    const series = [...inputMetrics('kube-state-metrics'), 'kube_namespace_labels'].map(kubeStateSeries);
    expect(series.filter((one) => !keeps(examples['kube-state-metrics'], one))).toEqual([]);
  });
});
