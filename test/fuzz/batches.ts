// Promtool calls cost most of a property's time, so cases are checked in batches: one promtool call per engine for
// many cases' rule files (or scenario files), and a failing file is traced back to its case.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Generation } from '../../src/generate.ts';
import { type Engine, promtool } from '../helpers/promtool.ts';
import { ruleGroupsOf } from '../helpers/generate-fixture.ts';
import { type OwnedSample, type ProjectCase, ksmLabel } from './arbitraries.ts';

/** Cases per promtool call. */
export const BATCH = 10;

export interface BatchFailure {
  index: number;
  output: string;
}

/** `promtool check rules` on every case's groups, one call per engine; the cases whose file failed. */
export function checkRulesBatch(engine: Engine, generations: Generation[]): BatchFailure[] {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-fuzz-check-'));
  const files = generations.map((generation, i) => {
    const file = join(dir, `case-${i}.yaml`);
    writeFileSync(file, stringify({ groups: ruleGroupsOf(generation) }, { lineWidth: 0 }));
    return file;
  });
  const result = promtool(engine, ['check', 'rules', ...files]);
  // A failing batch's files are kept for the reader of the failure.
  if (result.code === 0 && !result.output.includes('FAILED')) return removed(dir);
  // promtool prints "Checking <file>" then "  SUCCESS…" or "  FAILED:" and the errors, file by file.
  const blocks = result.output.split(/^Checking /m).slice(1);
  const failures = blocks
    .filter((block) => !/^\s+SUCCESS/m.test(block))
    .map((block) => ({ index: Number(/case-(\d+)\.yaml/.exec(block)?.[1] ?? -1), output: block.slice(0, 3000) }));
  return failures.length > 0 ? failures : [{ index: -1, output: result.output.slice(0, 3000) }];
}

function removed(dir: string): BatchFailure[] {
  rmSync(dir, { recursive: true, force: true });
  return [];
}

function labelsText(labels: Record<string, string | undefined>): string {
  const parts = Object.entries(labels)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
  return `{${parts.join(', ')}}`;
}

/** The equality matchers of a configured selector, as labels a synthetic series must carry to be selected. */
function selectorLabels(text: string | undefined, fallback: Record<string, string>): Record<string, string> {
  if (text === undefined) return fallback;
  const labels: Record<string, string> = {};
  for (const match of text.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
    labels[match[1]!] = match[2]!.replace(/\\(.)/g, '$1');
  return labels;
}

/**
 * A `promtool test rules` scenario: one container per sampled namespace and one MemoryPressure series per sampled
 * node, each in its cluster and with its owner label; asserts that each has exactly one owner series, of its owner.
 */
export function ownerScenario(project: ProjectCase, rulesFile: string): string {
  const config = project.config as {
    cluster?: { label?: string };
    ownership?: { namespaceLabel?: string };
    selectors?: Record<string, string>;
  };
  const clusterLabel = config.cluster ? (config.cluster.label ?? 'cluster') : undefined;
  const ksm = selectorLabels(config.selectors?.kubeStateMetrics, { job: 'kube-state-metrics' });
  const ownerLabel = config.ownership?.namespaceLabel;
  const where = (sample: OwnedSample) => (clusterLabel ? { [clusterLabel]: sample.cluster } : {});
  const inputSeries = [
    ...project.namespaces.flatMap((sample) => {
      const namespace = { ...ksm, ...where(sample), namespace: sample.name };
      const restarts = { ...namespace, pod: 'app-0', container: 'app' };
      const series = [{ series: `kube_pod_container_status_restarts_total${labelsText(restarts)}`, values: '0x10' }];
      if (!ownerLabel) return series;
      const owner = sample.ownerLabel !== undefined ? { [ksmLabel(ownerLabel)]: sample.ownerLabel } : {};
      return [...series, { series: `kube_namespace_labels${labelsText({ ...namespace, ...owner })}`, values: '1x10' }];
    }),
    ...project.nodes.map((sample) => {
      const condition = { ...ksm, ...where(sample), node: sample.name, condition: 'MemoryPressure', status: 'false' };
      return { series: `kube_node_status_condition${labelsText(condition)}`, values: '1x10' };
    }),
  ];
  const by = (label: string) => [...(clusterLabel ? [clusterLabel] : []), label, 'team'].join(', ');
  const expected = (samples: OwnedSample[], label: string) =>
    samples.map((sample) => ({
      labels: labelsText({ ...where(sample), [label]: sample.name, team: sample.owner }),
      value: 1,
    }));
  const tests = [
    {
      expr: `count by (${by('namespace')}) (headroom:namespace_owner:info)`,
      eval_time: '5m',
      exp_samples: expected(project.namespaces, 'namespace'),
    },
    ...(project.nodes.length > 0
      ? [
          {
            expr: `count by (${by('node')}) (headroom:node_owner:info)`,
            eval_time: '5m',
            exp_samples: expected(project.nodes, 'node'),
          },
        ]
      : []),
  ];
  return stringify(
    {
      rule_files: [rulesFile],
      evaluation_interval: '1m',
      tests: [{ interval: '1m', input_series: inputSeries, promql_expr_test: tests }],
    },
    { lineWidth: 0 },
  );
}

/** `promtool test rules` on every case's owner scenario, one call per engine; the cases whose scenario failed. */
export function ownerScenariosBatch(
  engine: Engine,
  cases: { project: ProjectCase; generation: Generation }[],
): BatchFailure[] {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-fuzz-owners-'));
  const scenarios = cases.map(({ project, generation }, i) => {
    writeFileSync(join(dir, `rules-${i}.yaml`), stringify({ groups: ruleGroupsOf(generation) }, { lineWidth: 0 }));
    const scenario = `case-${i}.test.yaml`;
    writeFileSync(join(dir, scenario), ownerScenario(project, `rules-${i}.yaml`));
    return scenario;
  });
  const result = promtool(engine, ['test', 'rules', ...scenarios], dir);
  if (result.code === 0) return removed(dir);
  const blocks = result.output.split(/^Unit Testing: /m).slice(1);
  const failures = blocks
    .filter((block) => !/^\s+SUCCESS/m.test(block))
    .map((block) => ({
      index: Number(/case-(\d+)\.test\.yaml/.exec(block)?.[1] ?? -1),
      output: `${dir}\n${block.slice(0, 3000)}`,
    }));
  return failures.length > 0 ? failures : [{ index: -1, output: result.output.slice(0, 3000) }];
}
