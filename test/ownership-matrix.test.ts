// One rule decides who owns a (cluster, namespace), and the alert's team, the settings it is judged by and the receiver
// it reaches all follow it (src/rules/owner-rules.ts):
//   1. a team file claims it where one of the team's patterns matches and the cluster is in the team's `clusters`;
//   2. else the team its namespace label names, if that team has a file and the cluster is in its `clusters`;
//   3. else the default team.
// Proven over the whole matrix of test/fixtures/scoped-labels — fraud claims `fraud-detection` in prod-* only and has
// its own threshold (0.8) and receiver — with `promtool test rules` on both engines (which alerts fire, for whom) and
// `amtool config routes test` (where each of those alerts goes).
// @module-tag spawns (promtool and amtool)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.ts';
import { ruleFileIn } from './helpers/generate-fixture.ts';
import { FIXTURES } from './helpers/paths.ts';
import { ENGINES, testRules } from './helpers/promtool.ts';

const CONFIG = join(FIXTURES, 'scoped-labels', 'headroom.config.ts');
const LIMIT = 1073741824;

interface Cell {
  cluster: string;
  namespace: string;
  /** The namespace's `team` label; undefined: none. */
  label: string | undefined;
}

const cells: Cell[] = ['prod-1', 'staging'].flatMap((cluster) =>
  ['fraud-detection', 'other'].flatMap((namespace) =>
    ['fraud', 'search', undefined, 'ghost'].map((label) => ({ cluster, namespace, label })),
  ),
);

/** The owner by the rule above, written out for this fixture. */
function ownerOf({ cluster, namespace, label }: Cell): string {
  const inFraudClusters = cluster.startsWith('prod-');
  if (namespace === 'fraud-detection' && inFraudClusters) return 'fraud';
  if (label === 'fraud' && inFraudClusters) return 'fraud';
  if (label === 'search') return 'search';
  return 'platform';
}

const RECEIVER: Record<string, string> = { fraud: 'fraud-pager', search: 'search-pager', platform: 'platform-oncall' };

/** Each cell's cluster: prod-1-<i> is in fraud's clusters (prod-*), staging-<i> is not; no two cells share one. */
function clusterOf(cell: Cell, i: number): string {
  return `${cell.cluster}-${i}`;
}

function scenario(): string {
  const ksm = { job: 'kube-state-metrics' };
  const cadvisor = { job: 'kubelet', metrics_path: '/metrics/cadvisor' };
  const labels = (record: Record<string, string>) =>
    `{${Object.entries(record)
      .map(([k, v]) => `${k}="${v}"`)
      .join(', ')}}`;
  // Two containers per cell: 82% of the limit (above fraud's 0.8, below everyone else's 0.85) and 90% (above both).
  const containers = [
    { pod: 'mid-0', bytes: Math.round(LIMIT * 0.82) },
    { pod: 'high-0', bytes: Math.round(LIMIT * 0.9) },
  ];
  const inputSeries = cells.flatMap((cell, i) => {
    const key = { cluster: clusterOf(cell, i), namespace: cell.namespace };
    return [
      ...containers.flatMap(({ pod, bytes }) => {
        const container = { ...key, pod, container: 'app' };
        const limit = { ...ksm, ...container, resource: 'memory', unit: 'byte' };
        return [
          {
            series: `container_memory_working_set_bytes${labels({ ...cadvisor, ...container })}`,
            values: `${bytes}x15`,
          },
          { series: `kube_pod_container_resource_limits${labels(limit)}`, values: `${LIMIT}x15` },
        ];
      }),
      {
        series: `kube_namespace_labels${labels({ ...ksm, ...key, ...(cell.label ? { label_team: cell.label } : {}) })}`,
        values: '1x15',
      },
    ];
  });
  const expected = cells.flatMap((cell, i) => {
    const owner = ownerOf(cell);
    const pods = owner === 'fraud' ? ['high-0', 'mid-0'] : ['high-0'];
    return pods.map((pod) => ({
      labels: labels({ cluster: clusterOf(cell, i), namespace: cell.namespace, pod, team: owner }),
      value: 1,
    }));
  });
  return stringify(
    {
      rule_files: ['rules.yaml'],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          input_series: inputSeries,
          promql_expr_test: [
            {
              expr:
                'count by (cluster, namespace, pod, team) (ALERTS{alertname="ContainerMemoryNearLimit", ' +
                'alertstate="firing"})',
              eval_time: '10m',
              exp_samples: expected,
            },
          ],
        },
      ],
    },
    { lineWidth: 0 },
  );
}

describe('ownership, settings and routing agree for every (cluster, namespace)', () => {
  it(
    'the matrix covers every case: claim in and out of its clusters, the label naming the team, another, none, an ' +
      'unknown one',
    () => {
      expect(cells).toHaveLength(16);
      expect(new Set(cells.map(ownerOf))).toEqual(new Set(['fraud', 'search', 'platform']));
    },
  );

  for (const engine of ENGINES) {
    it(`${engine.name}: each alert names the owner and fires on the owner's threshold`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'headroom-matrix-'));
      ruleFileIn(dir, await generate(CONFIG));
      const file = join(dir, 'matrix.test.yaml');
      writeFileSync(file, scenario());
      const result = testRules(engine, file, dir);
      expect(result.code, result.output).toBe(0);
    });
  }

  it("amtool sends each of those alerts to its owner's receiver", async () => {
    const { tree } = await generate(CONFIG);
    const alertmanager = join(mkdtempSync(join(tmpdir(), 'headroom-matrix-am-')), 'alertmanager.yml');
    const receivers = [...new Set(Object.values(RECEIVER))].map((name) => ({ name }));
    writeFileSync(alertmanager, stringify({ ...(parse(tree.get('alertmanager/routes.yaml')!) as object), receivers }));
    cells.forEach((cell, i) => {
      const team = ownerOf(cell);
      const labels = {
        alertname: 'ContainerMemoryNearLimit',
        severity: 'warning',
        cluster: clusterOf(cell, i),
        namespace: cell.namespace,
        team,
      };
      const args = [
        'config',
        'routes',
        'test',
        `--config.file=${alertmanager}`,
        `--verify.receivers=${RECEIVER[team]}`,
        ...Object.entries(labels).map(([k, v]) => `${k}=${v}`),
      ];
      const result = spawnSync('/usr/bin/amtool', args, { encoding: 'utf8' });
      expect(result.status, `${JSON.stringify(labels)}: ${result.stdout}${result.stderr}`).toBe(0);
    });
  });
});
