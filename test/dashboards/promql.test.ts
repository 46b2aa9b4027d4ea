// Every query of every dashboard, variables replaced by sample values, parses (lezer-promql) and passes the real
// `promtool check rules`; raw series carry the configured selectors; ratios come from the recording rule.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.ts';
import {
  ABOVE_REQUEST,
  CONTAINER_RESTARTS,
  MEMORY_FORECAST,
  MEMORY_RATIO,
  NAMESPACE_ABOVE_REQUEST,
  NAMESPACE_CONTAINERS,
  NAMESPACE_OWNER,
  NAMESPACE_OWNER_UNKNOWN,
  NAMESPACE_PODS_EVICTED,
  NAMESPACE_THRESHOLD,
  NAMESPACE_WITHOUT_LIMIT,
  NODE_MEMORY_EVICTIONS,
  NODE_OWNER,
  OOM_EVENTS,
  POD_MEMORY_RATIO,
  PROCESS_OOM_KILLS,
  WITHOUT_LIMIT,
} from '../../src/rules/record-names.ts';
import { ENGINES, promtool } from '../helpers/promtool.ts';
import { syntaxErrors, vectorSelectors } from '../helpers/promql-tree.ts';
import { CONFIGS } from './helpers/configs.ts';
import { dashboardsOf, type Query, queriesOf, queryRules, withSampleValues } from './helpers/dashboard-queries.ts';

const CADVISOR = ['container_memory_working_set_bytes', 'container_spec_memory_limit_bytes'];
const KUBE_STATE_METRICS = [
  'kube_pod_container_resource_limits',
  'kube_pod_init_container_resource_limits',
  'kube_pod_container_resource_requests',
  'kube_pod_container_status_restarts_total',
  'kube_pod_container_status_last_terminated_reason',
  'kube_node_status_condition',
];
const RECORDED = [
  MEMORY_RATIO,
  CONTAINER_RESTARTS,
  NAMESPACE_ABOVE_REQUEST,
  NAMESPACE_CONTAINERS,
  NAMESPACE_OWNER,
  NAMESPACE_OWNER_UNKNOWN,
  NODE_OWNER,
  NAMESPACE_THRESHOLD,
  // The panels of issue 9's alerts read what those alerts record.
  PROCESS_OOM_KILLS,
  NODE_MEMORY_EVICTIONS,
  NAMESPACE_PODS_EVICTED,
  WITHOUT_LIMIT,
  NAMESPACE_WITHOUT_LIMIT,
  MEMORY_FORECAST,
  OOM_EVENTS,
  POD_MEMORY_RATIO,
  ABOVE_REQUEST,
  NAMESPACE_ABOVE_REQUEST,
];
/** The pod cgroup (Kubernetes 1.34 pod-level limits): read only for the pods PodMemoryNearLimit records. */
const POD_CGROUP = ['container=""', 'pod!=""'];

async function queries(config: string): Promise<{
  queries: Query[];
  selectors: { cadvisor: string; kubeStateMetrics: string };
  model: { clusterLabel?: string };
}> {
  const { tree, model } = await generate(config);
  const dashboards = [...dashboardsOf(tree).values()];
  expect(dashboards.length).toBeGreaterThanOrEqual(2);
  return { queries: dashboards.flatMap(queriesOf), selectors: model.selectors, model };
}

/** The matchers of a configured selector, as lezer reads them. */
function matchersOf(selector: string): string[] {
  return vectorSelectors(`up{${selector}}`)[0]!.matchers;
}

function hasDivision(expr: string): boolean {
  let found = false;
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.name === 'Div') found = true;
    },
  });
  return found;
}

describe.each(Object.entries(CONFIGS))('dashboard queries of %s', (_name, config) => {
  it('have no template variable left once sample values are in, and parse without error nodes', async () => {
    const { queries: all } = await queries(config);
    expect(all.length).toBeGreaterThan(20);
    expect(new Set(all.map((query) => query.where.split(' ')[0]))).toEqual(
      new Set(['panel', 'variable', 'annotation']),
    );
    for (const query of all) {
      const expr = withSampleValues(query.expr);
      expect(expr, `${query.dashboard} ${query.where}`).not.toContain('$');
      expect(syntaxErrors(expr), `${query.dashboard} ${query.where}: ${expr}`).toEqual([]);
    }
  });

  it.each(ENGINES)(
    'pass promtool check rules of $name, wrapped as recording rules',
    { tags: ['spawns'] },
    async (engine) => {
      const rules = queryRules((await generate(config)).tree);
      expect(rules.length).toBeGreaterThan(20);
      const file = join(mkdtempSync(join(tmpdir(), 'headroom-dashboards-')), 'dashboard-queries.yaml');
      writeFileSync(file, stringify({ groups: [{ name: 'dashboard-queries', rules }] }, { lineWidth: 0 }));
      const result = promtool(engine, ['check', 'rules', file]);
      expect(result.code, result.output).toBe(0);
      expect(result.output).toContain(`SUCCESS: ${rules.length} rules found`);
    },
  );

  it('read only allowed series, raw ones with the configured selectors', async () => {
    const { queries: all, selectors, model } = await queries(config);
    const read = new Set<string>();
    for (const query of all) {
      for (const selector of vectorSelectors(withSampleValues(query.expr))) {
        read.add(selector.metric);
        const where = `${query.dashboard} ${query.where}: ${selector.metric}`;
        expect([...CADVISOR, ...KUBE_STATE_METRICS, ...RECORDED, 'ALERTS'], where).toContain(selector.metric);
        if (CADVISOR.includes(selector.metric) && selector.matchers.includes('container=""')) {
          expect(selector.matchers, where).toEqual(
            expect.arrayContaining([...matchersOf(selectors.cadvisor), ...POD_CGROUP]),
          );
          const key = model.clusterLabel ? `${model.clusterLabel}, namespace, pod` : 'namespace, pod';
          expect(query.expr, where).toMatch(new RegExp(`and on \\(${key}\\)\\s+${POD_MEMORY_RATIO}\\{`));
        } else if (CADVISOR.includes(selector.metric)) {
          expect(selector.matchers, where).toEqual(
            expect.arrayContaining([...matchersOf(selectors.cadvisor), 'container!=""', 'container!="POD"']),
          );
        }
        if (KUBE_STATE_METRICS.includes(selector.metric))
          expect(selector.matchers, where).toEqual(expect.arrayContaining(matchersOf(selectors.kubeStateMetrics)));
      }
    }
    expect(read).toContain(MEMORY_RATIO);
    expect(read).toContain(NAMESPACE_THRESHOLD);
    const issue9 = [
      PROCESS_OOM_KILLS,
      NODE_MEMORY_EVICTIONS,
      NAMESPACE_PODS_EVICTED,
      NAMESPACE_WITHOUT_LIMIT,
      MEMORY_FORECAST,
      OOM_EVENTS,
      POD_MEMORY_RATIO,
      ABOVE_REQUEST,
      NAMESPACE_ABOVE_REQUEST,
    ];
    for (const recorded of issue9) {
      expect(read).toContain(recorded);
    }
    expect(read).toContain('kube_pod_container_resource_requests');
    expect(read).toContain('ALERTS');
  });

  it('never divide: the fraction of the limit is the recorded ratio the alert uses', async () => {
    const { queries: all } = await queries(config);
    expect(hasDivision('a / b'), 'the check itself').toBe(true);
    for (const query of all)
      expect(hasDivision(withSampleValues(query.expr)), `${query.dashboard} ${query.where}`).toBe(false);
  });
});
