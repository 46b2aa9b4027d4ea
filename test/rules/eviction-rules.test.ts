// The rules of NodeMemoryEvictions and PodsEvicted: the counters and pods are recorded once per distinct window, the
// alert rules (one per distinct window and severity) read only the recorded series and the owners, node windows come
// only from owners that can own nodes, every key carries the cluster label in a fleet, and the queries the
// annotations run at notification time parse. Team settings: the example model with overrides applied here.
import { describe, expect, it } from 'vitest';
import { syntaxErrors, vectorSelectors } from '../helpers/promql-tree.ts';
import type { Model } from '../../src/model/model.ts';
import type { AlertingRule } from '../../src/rules/rule-types.ts';
import { alerts, metrics, modelWith, recorded, rules } from '../helpers/model-rules.ts';
import { joined } from '../helpers/regexp.ts';

/** The settings-label matchers by which an alert rule selects its owners (see src/rules/partition.ts). */
const ownerMatchers = (expr: string) => [
  ...new Set(vectorSelectors(expr).flatMap((s) => s.matchers.filter((m) => m.startsWith('headroom_')))),
];

/** Each alert rule of `alert` as its labels, the owners it selects and the series it reads. */
const alertRules = (model: Model, alert: string) =>
  alerts(model, alert).map((rule) => [rule.labels, ownerMatchers(rule.expr), metrics(rule.expr)]);

const NODE_EVICTIONS = 'headroom:node_memory_evictions:increase';
const POD_EVICTED = 'headroom:pod_evicted_recently:info';
const NAMESPACE_EVICTED = 'headroom:namespace_pods_evicted:increase';

/** The PromQL inside the annotations' `query (printf \`…\` …)`, label values filled in. */
function annotationQueries(rule: AlertingRule): string[] {
  return Object.values(rule.annotations).flatMap((text) =>
    [...text.matchAll(/printf `([^`]*)`/g)].map((match) => match[1]!.replace(/%\[\d+\]s/g, 'x')),
  );
}

describe('NodeMemoryEvictions', () => {
  it(
    'records one count per distinct window of the owners that can own nodes; one alert rule per window and ' +
      'severity',
    async () => {
      // payments owns no nodes: its window would act on nothing, so it records nothing.
      const model = await modelWith({
        search: { nodeMemoryEvictions: { window: '30m', severity: 'critical' } },
        payments: { nodeMemoryEvictions: { window: '1h' } },
      });
      const counts = recorded(model, NODE_EVICTIONS);
      expect(counts.map((rule) => rule.labels)).toEqual([{ window: '10m' }, { window: '30m' }]);
      for (const rule of counts) {
        expect(metrics(rule.expr)).toEqual(['kubelet_evictions', 'kubelet_node_name']);
        expect(rule.expr.match(/\[(\w+)\]|offset (\w+)/g)!.every((part) => part.includes(rule.labels!.window!))).toBe(
          true,
        );
      }
      expect(alertRules(model, 'NodeMemoryEvictions')).toEqual([
        [
          { severity: 'critical', window: '30m' },
          ['headroom_node_memory_evictions="severity=critical,window=30m"'],
          [NODE_EVICTIONS, 'headroom:node_owner:info'],
        ],
        [
          { severity: 'warning', window: '10m' },
          ['headroom_node_memory_evictions="severity=warning,window=10m"'],
          [NODE_EVICTIONS, 'headroom:node_owner:info'],
        ],
      ]);
    },
  );

  it('has no rule when every owner turned the alert off', async () => {
    const off = { nodeMemoryEvictions: { enabled: false } };
    const model = await modelWith({ '': off, payments: off, search: off, platform: off });
    expect(recorded(model, NODE_EVICTIONS)).toEqual([]);
    expect(alerts(model, 'NodeMemoryEvictions')).toEqual([]);
  });
});

describe('PodsEvicted', () => {
  it(
    'records the pods evicted and their count per namespace once per distinct window; ' + 'alerts read only the counts',
    async () => {
      const model = await modelWith({
        payments: { podsEvicted: { window: '30m' } },
        search: { podsEvicted: { severity: 'info' } },
      });
      expect(
        recorded(model, POD_EVICTED).map((rule) => [
          rule.labels,
          metrics(rule.expr),
          rule.expr.includes(`[${rule.labels!.window}]`),
        ]),
      ).toEqual([
        [{ window: '10m' }, ['kube_pod_status_phase', 'kube_pod_status_reason'], true],
        [{ window: '30m' }, ['kube_pod_status_phase', 'kube_pod_status_reason'], true],
      ]);
      expect(recorded(model, NAMESPACE_EVICTED).map((rule) => [rule.labels, rule.expr])).toEqual([
        [{ window: '10m' }, `count by (namespace) (${POD_EVICTED}{window="10m"})`],
        [{ window: '30m' }, `count by (namespace) (${POD_EVICTED}{window="30m"})`],
      ]);
      expect(alertRules(model, 'PodsEvicted')).toEqual([
        [
          { severity: 'info', window: '10m' },
          ['headroom_pods_evicted="severity=info,window=10m"'],
          ['headroom:namespace_owner:info', NAMESPACE_EVICTED],
        ],
        [
          { severity: 'warning', window: '10m' },
          ['headroom_pods_evicted="severity=warning,window=10m"'],
          ['headroom:namespace_owner:info', NAMESPACE_EVICTED],
        ],
        [
          { severity: 'warning', window: '30m' },
          ['headroom_pods_evicted="severity=warning,window=30m"'],
          ['headroom:namespace_owner:info', NAMESPACE_EVICTED],
        ],
      ]);
    },
  );

  it('has no rule when every owner turned the alert off', async () => {
    const off = { podsEvicted: { enabled: false } };
    const model = await modelWith({ '': off, payments: off, search: off, platform: off });
    expect([
      ...recorded(model, POD_EVICTED),
      ...recorded(model, NAMESPACE_EVICTED),
      ...alerts(model, 'PodsEvicted'),
    ]).toEqual([]);
  });
});

describe('eviction rules in a fleet (fixture fleet)', () => {
  it('carry the cluster label in every by, on and annotation query, and the annotation queries parse', async () => {
    const model = await modelWith({}, 'fleet');
    const own = rules(model).filter((rule) => /evict/i.test('alert' in rule ? rule.alert : rule.record));
    expect(own.length).toBe(5);
    for (const rule of own) {
      const exprs = [rule.expr, ...('alert' in rule ? annotationQueries(rule) : [])];
      for (const expr of exprs) {
        expect(syntaxErrors(expr), expr).toEqual([]);
        for (const [, labels] of expr.matchAll(/\b(?:by|on) \(([^)]*)\)/g))
          expect(labels!.split(', '), expr).toContain('cluster');
      }
    }
    const podsEvicted = alerts(model, 'PodsEvicted')[0]!;
    expect(annotationQueries(podsEvicted)).toHaveLength(2);
    for (const query of annotationQueries(podsEvicted)) {
      expect(vectorSelectors(query).find((s) => s.metric === 'kube_pod_info')!.matchers).toEqual([
        'job="kube-state-metrics"',
        'cluster="x"',
        'namespace="x"',
      ]);
    }
    expect(podsEvicted.annotations.dashboard_url).toBe(
      'https://grafana.test/d/headroom-team?var-team={{ $labels.team }}&var-namespace={{ $labels.namespace ' +
        '}}&var-cluster={{ $labels.cluster | urlquery }}',
    );
    expect(podsEvicted.annotations.nodes_dashboard_url).toMatch(
      joined(
        /^https:\/\/grafana\.test\/d\/headroom-overview\?/,
        /\{\{ range .*var-node=.*/,
        /&var-cluster=\{\{ \$labels\.cluster \| urlquery \}\}$/,
      ),
    );
    expect(annotationQueries(alerts(model, 'NodeMemoryEvictions')[0]!)).toEqual([
      'max(kube_node_status_condition{job="kube-state-metrics", condition="MemoryPressure", status="true", ' +
        'cluster="x", node="x"}) == 1',
    ]);
  });
});
