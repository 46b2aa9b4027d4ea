// Experiments, not headroom's output: other ways to write the file-claim ownership rules of one generated rule set,
// loaded into the same Prometheus beside it (`npm run bench -- --variants`), each in its own group and recording its
// own series, so the report can say which structure costs what on each engine. Each variant records exactly the
// owner series the generated rules record (the bench checks both ways), from the same namespace count.
import type { AlertingRule, RecordingRule, RuleGroup } from '../src/rules/rule-types.ts';
import { DEFAULT_OOM_WINDOW } from './bench-config.ts';
import type { MeasuredRule } from './rule-parts.ts';

export interface Variant {
  name: string;
  /** What it shows. */
  about: string;
  group: RuleGroup;
  /** The owner series it records, for the equality check; undefined when it records none. */
  owners?: string;
}

/** `prefix:namespace_owner:info` etc.; the prefix of the generated set the variants read. */
interface Names {
  containers: string;
  owners: string;
}

const OWNER_SUFFIX = ':namespace_owner:info';

/** The claim rules of the generated set: one per team, `group by (namespace) (<containers>{namespace=~"…"})`. */
function fileClaims(measured: MeasuredRule[]): RecordingRule[] {
  return measured
    .filter((m) => m.part === 'ownership' && 'record' in m.rule && m.rule.labels?.claim === 'file')
    .map((m) => m.rule as RecordingRule);
}

function claimRegex(rule: RecordingRule): string {
  const found = /namespace=~"((?:[^"\\]|\\.)*)"/.exec(rule.expr);
  if (!found) throw new Error(`no namespace matcher in ${rule.expr}`);
  return found[1]!.replace(/\\\\/g, '\\');
}

const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The claim with its team's labels set in the expression (label_replace with an empty source always matches). */
function labelled(selection: string, labels: Record<string, string>): string {
  return Object.entries(labels)
    .filter(([name]) => name !== 'claim')
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .reduce((expr, [name, value]) => `label_replace(${expr}, ${quote(name)}, ${quote(value)}, "", "")`, selection);
}

/** `a or b or …` as a balanced tree: `or` hashes both sides, so a left-deep chain of n would cost n² / 2. */
function orTree(exprs: string[]): string {
  if (exprs.length === 1) return exprs[0]!;
  const half = Math.ceil(exprs.length / 2);
  return `(${orTree(exprs.slice(0, half))}) or (${orTree(exprs.slice(half))})`;
}

function catchAll(names: Names, owners: string, labels: Record<string, string>): RecordingRule {
  return { record: owners, expr: `group by (namespace) (${names.containers}) unless on (namespace) ${owners}{claim="file"}`, labels };
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/**
 * The variants for the generated set `measured` (recorded series prefixed `prefix`); `namespaces` are those in the
 * data, for the exact-name variant (a real config cannot do this for globs: it shows what the glob costs).
 */
export function ownershipVariants(measured: MeasuredRule[], prefix: string, namespaces: string[]): Variant[] {
  const names: Names = { containers: `${prefix}:namespace_containers:count`, owners: `${prefix}${OWNER_SUFFIX}` };
  const claims = fileClaims(measured);
  const generatedCatchAll = measured.find((m) => m.part === 'ownership' && 'record' in m.rule && m.rule.labels?.claim === 'none')!.rule as RecordingRule;
  const catchAllLabels = generatedCatchAll.labels!;
  const owners = (variant: string) => `headroom_v_${variant}${OWNER_SUFFIX}`;
  const perTeam = (variant: string, selector: (rule: RecordingRule) => string): RecordingRule[] => [
    ...claims.map((rule) => ({ record: owners(variant), expr: `group by (namespace) (${names.containers}{${selector(rule)}})`, labels: rule.labels })),
    catchAll(names, owners(variant), catchAllLabels),
  ];
  const exactNames = (rule: RecordingRule) => {
    const regex = new RegExp(`^(?:${claimRegex(rule)})$`);
    const matched = namespaces.filter((namespace) => regex.test(namespace)).sort();
    return matched.length === 1 ? `namespace="${matched[0]}"` : `namespace=~"${matched.join('|')}"`;
  };
  const oneRule = (rules: RecordingRule[], variant: string): RecordingRule => ({
    record: owners(variant),
    expr: orTree(rules.map((rule) => labelled(`group by (namespace) (${names.containers}{namespace=~${quote(claimRegex(rule))}})`, rule.labels ?? {}))),
    labels: { claim: 'file' },
  });
  const group = (variant: string, rules: RecordingRule[]): RuleGroup => ({ name: `variant-${variant}`, rules });
  return [
    {
      name: 'per-team-regex',
      about: 'the generated rules (one per team, namespace=~ its patterns), in a group of their own',
      group: group('per-team-regex', perTeam('per_team_regex', (rule) => `namespace=~${quote(claimRegex(rule))}`)),
      owners: owners('per_team_regex'),
    },
    {
      name: 'per-team-exact',
      about: 'one rule per team, its globs replaced by the exact names they match in the data (set matcher)',
      group: group('per-team-exact', perTeam('per_team_exact', exactNames)),
      owners: owners('per_team_exact'),
    },
    {
      name: 'or-100',
      about: 'one rule per 100 teams: a balanced `or` of each team\'s selection, labels set by label_replace',
      group: group('or-100', [...chunks(claims, 100).map((chunk) => oneRule(chunk, 'or_100')), catchAll(names, owners('or_100'), catchAllLabels)]),
      owners: owners('or_100'),
    },
    {
      name: 'or-all',
      about: 'one rule for every team: a balanced `or` of each team\'s selection, labels set by label_replace',
      group: group('or-all', [oneRule(claims, 'or_all'), catchAll(names, owners('or_all'), catchAllLabels)]),
      owners: owners('or_all'),
    },
    ...fixedPartVariants(measured, prefix),
    {
      name: 'tiny-rules',
      about: `${claims.length} rules \`vector(1)\`: what a rule costs that reads nothing`,
      group: group('tiny-rules', claims.map((_, i) => ({ record: 'headroom_v_tiny:one', expr: 'vector(1)', labels: { i: String(i) } }))),
    },
  ];
}

const KSM = 'job="kube-state-metrics"';
const CONTAINER = '(namespace, pod, container)';

/**
 * Other ways to write the parts every team count pays for (the cost above the floor at 1 team): the namespaces seen,
 * the OOM chain without the recorded restart counter, near-limit alerts whose annotations run no queries.
 */
function fixedPartVariants(measured: MeasuredRule[], prefix: string): Variant[] {
  const ratio = `${prefix}:container_memory_working_set:ratio_limit`;
  const restarts = `${prefix}:container_restarts_total:max`;
  const nearLimit = measured.filter((m) => m.part === 'near-limit alerts').map((m) => m.rule as AlertingRule);
  const plainDescription = 'Container {{ $labels.container }} of pod {{ $labels.namespace }}/{{ $labels.pod }} uses {{ $value | humanizePercentage }} of its memory limit.';
  return [
    {
      name: 'seen-per-side',
      about: 'namespaces seen: `group by (namespace)` of each side, then `or` (4,004 + 4,004 series), instead of `or` over every container',
      group: {
        name: 'variant-seen-per-side',
        rules: [{ record: 'headroom_v_seen_per_side:namespace_containers:group', expr: `group by (namespace) (${restarts}) or group by (namespace) (${ratio})` }],
      },
    },
    {
      name: 'ratio-or-per-replica',
      about: 'the ratio as headroom wrote it before: `or` of regular and init container limits and `> 0` on every replica series, then `max by`; compare with ratio (aggregated first)',
      group: {
        name: 'variant-ratio-or-per-replica',
        rules: [
          {
            record: 'headroom_v_ratio_or_per_replica:container_memory_working_set:ratio_limit',
            expr:
              `max by ${CONTAINER} (container_memory_working_set_bytes{job="kubelet", metrics_path="/metrics/cadvisor", container!="", container!="POD"})` +
              ` / on ${CONTAINER} max by ${CONTAINER} ((kube_pod_container_resource_limits{${KSM}, resource="memory"} or kube_pod_init_container_resource_limits{${KSM}, resource="memory"}) > 0)`,
          },
        ],
      },
    },
    {
      name: 'oom-from-source',
      about: `no recorded restart counter: the OOM restarts from kube-state-metrics' series (the floor's expression) and the namespaces seen from them and the ratio; compare with restart counter + OOM restarts + namespace containers`,
      group: {
        name: 'variant-oom-from-source',
        rules: [
          {
            record: 'headroom_v_oom_from_source:container_oom_restarts:increase',
            expr:
              `max by ${CONTAINER} (increase(kube_pod_container_status_restarts_total{${KSM}}[${DEFAULT_OOM_WINDOW}])) > 0` +
              ` and on ${CONTAINER} max by ${CONTAINER} (kube_pod_container_status_last_terminated_reason{${KSM}, reason="OOMKilled"}) == 1`,
            labels: { window: DEFAULT_OOM_WINDOW },
          },
          { record: 'headroom_v_oom_from_source:namespace_containers:group', expr: `group by (namespace) (kube_pod_container_status_restarts_total{${KSM}}) or group by (namespace) (${ratio})` },
        ],
      },
    },
    {
      name: 'near-limit-plain-annotations',
      about: 'the near-limit alert rules with a description that runs no `query` (the generated one runs 3 per alert and evaluation)',
      group: {
        name: 'variant-near-limit-plain-annotations',
        rules: nearLimit.map((rule) => ({ ...rule, alert: 'VariantNearLimitPlain', annotations: { ...rule.annotations, description: plainDescription } })),
      },
    },
  ];
}
