// Arbitrary headroom projects for the property tests: valid configs (1–300 teams, exact names and globs that never
// overlap, overrides of every alert setting, hostile label values, optionally clusters and ownership by namespace
// label) with a sample of namespaces and nodes and who must own each, and invalid ones (one defect planted).
import fc from 'fast-check';
import { reservedLabelProblem } from '../../src/values/reserved-labels.ts';
import { ALERT_NAMES, alertOverridesArb, everyAlertOverridesArb, NODE_ALERT_KEYS } from './alert-settings.ts';

/** A project as files will hold it: the config's object literal and one object per team file. */
export interface ProjectCase {
  config: Record<string, unknown>;
  /** Team files, teams/<file>.yaml. */
  teamFiles: { file: string; team: Record<string, unknown> }[];
  /** Namespaces (and the cluster / owner label they carry) whose owner the rules must record, with that owner. */
  namespaces: OwnedSample[];
  nodes: OwnedSample[];
}

export interface OwnedSample {
  name: string;
  cluster?: string;
  /** Value of the namespace's owner label (ownership.namespaceLabel), when it has one. */
  ownerLabel?: string;
  /** The team that must own it. */
  owner: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Claims that never overlap. Every pattern carries a literal anchor unique to it: `a<id>-…` at its start, or
// `z…-k<id>` at its end; `a…` and `z…` never meet, two starts `a<id>-` (two ends `-k<id>`) never agree. Unclaimed
// sample names start with `u`.

type ClaimShape = { kind: 'exact'; word: string } | { kind: 'prefix'; tail: string } | { kind: 'suffix'; head: string };

const word = fc.stringMatching(/^[a-z0-9]{1,6}$/);
/** A run of pattern characters holding at least one wildcard, starting and ending with a name character or wildcard. */
const globPart = fc
  // No '.': namespace names have none (a dotted namespace pattern never matches and is refused), nor `..` in node
  // names.
  .array(fc.oneof(word, fc.constantFrom('*', '?', '-', '*', '??')), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(''))
  .map((text) => (/[*?]/.test(text) ? text : `${text}*`))
  .map((text) => text.replace(/^-+/, '').replace(/-+$/, '') || '*')
  .map((text) => (/[*?]/.test(text) ? text : `${text}*`));

const claimShape: fc.Arbitrary<ClaimShape> = fc.oneof(
  { weight: 3, arbitrary: word.map((w) => ({ kind: 'exact' as const, word: w })) },
  { weight: 2, arbitrary: globPart.map((tail) => ({ kind: 'prefix' as const, tail })) },
  { weight: 1, arbitrary: globPart.map((head) => ({ kind: 'suffix' as const, head })) },
);

function claimPattern(shape: ClaimShape, id: number): string {
  if (shape.kind === 'exact') return `a${id}-${shape.word}`;
  if (shape.kind === 'prefix') return `a${id}-${shape.tail}`;
  return `z${shape.head}-k${id}`;
}

/** A name the pattern matches: each `*` becomes `fill`, each `?` its first character. */
export function instanceOf(pattern: string, fill: string): string {
  return pattern.replace(/\*/g, fill).replace(/\?/g, fill[0] ?? 'x');
}

// ---------------------------------------------------------------------------------------------------------------
// Labels: names Prometheus accepts (some of them names the rules use for other things), values with every character
// that has a meaning somewhere on the way (PromQL and YAML quotes, backslashes, Go templates' `$`, printf `%`,
// Markdown backticks, unicode).

const trickyLabelNames = [
  'job',
  'instance',
  'le',
  'reason',
  'resource',
  'status',
  'condition',
  'label_team',
  'owner_label',
  'exported_namespace',
  'receiver',
  'slack_channel',
  'Pager',
  'x',
];
export const labelNameArb = fc
  .oneof(fc.constantFrom(...trickyLabelNames), fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,12}$/))
  .filter((name) => !name.startsWith('__') && reservedLabelProblem(name) === undefined);

const hostileChars = [
  '"',
  "'",
  '\\',
  '%',
  '`',
  '$',
  '{',
  '}',
  ' ',
  'é',
  'ß',
  '日本',
  '🚀',
  '\u00a0',
  '#',
  ':',
  '=',
  ',',
  '|',
  '&',
  '<',
  '>',
  '*',
  '%s',
  '$labels',
  '$value',
  '\\n',
  '{$',
  'a',
  'b',
  '1',
];
export const labelValueArb = fc
  .array(fc.oneof(fc.constantFrom(...hostileChars), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 8 })
  .map((parts) => parts.join(''))
  // Control characters and `{{`/`}}` are refused by the schema (the invalid arbitrary plants them).
  .map((value) =>
    value
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '')
      .replace(/\{{2,}/g, '{')
      .replace(/\}{2,}/g, '}'),
  );

const labelsArb = fc.uniqueArray(fc.tuple(labelNameArb, labelValueArb), { maxLength: 4, selector: ([name]) => name });

/** Equality matchers of a configured selector, as a list of [label, value]; values with quotes and backslashes. */
const selectorArb = fc.uniqueArray(
  fc.tuple(
    fc.constantFrom('job', 'service', 'source', 'metrics_path', 'prometheus'),
    fc
      .array(fc.constantFrom('kube-state-metrics', 'kubelet', '"', '\\', 'é', '/metrics', '`', ' ', '$', '%'), {
        minLength: 1,
        maxLength: 4,
      })
      .map((p) => p.join('').replace(/`/g, "'")),
  ),
  { maxLength: 2, selector: ([name]) => name },
);

export function promqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function selectorText(matchers: [string, string][]): string {
  return matchers.map(([name, value]) => `${name}=${promqlString(value)}`).join(', ');
}

// ---------------------------------------------------------------------------------------------------------------
// Teams.

interface TeamShape {
  stem: string;
  namespaces: ClaimShape[];
  nodes: ClaimShape[];
  labels: [string, string][];
  alerts: Record<string, Record<string, unknown>>;
  /** Cluster scope: how many cluster patterns (0: every cluster), and their shapes. */
  clusters: ClaimShape[];
  /** Also claim a namespace of an earlier cluster-scoped team, in this team's (disjoint) clusters. */
  shareClaim: boolean;
  receiver?: string;
  ticketReceiver?: string;
  inline: boolean;
}

const receiverArb = fc
  .array(fc.constantFrom('payments', '-', 'oncall', ' ', '#', '"', '\\', 'é', '$', '%', '`', '{', 'slack:', 'pd/'), {
    minLength: 1,
    maxLength: 5,
  })
  .map((parts) => parts.join('').trim())
  .filter((name) => name.length > 0 && !name.includes('{{'));

const teamShapeArb = (alerts: fc.Arbitrary<TeamShape['alerts']>): fc.Arbitrary<TeamShape> =>
  fc.record({
    stem: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}[a-z0-9]$/).map((s) => s.replace(/-+$/, '')),
    namespaces: fc.array(claimShape, { maxLength: 4 }),
    nodes: fc.oneof(
      { weight: 3, arbitrary: fc.constant<ClaimShape[]>([]) },
      { weight: 1, arbitrary: fc.array(claimShape, { minLength: 1, maxLength: 2 }) },
    ),
    labels: labelsArb,
    alerts,
    clusters: fc.oneof(
      { weight: 2, arbitrary: fc.constant<ClaimShape[]>([]) },
      { weight: 1, arbitrary: fc.array(claimShape, { minLength: 1, maxLength: 2 }) },
    ),
    shareClaim: fc.boolean(),
    receiver: fc.option(receiverArb, { nil: undefined }),
    ticketReceiver: fc.option(receiverArb, { nil: undefined }),
    inline: fc.boolean(),
  });

/** How many teams and how they override alerts: see validProjectArb. */
interface Sizes {
  large: boolean | 'only';
  /** 'only': how many teams, instead of 200–300. */
  teams?: { min: number; max: number };
  /** Every team overrides every setting of every alert (each value drawn apart: many distinct settings). */
  everyAlert?: boolean;
}

/** Team counts: mostly a handful, some dozens; 200–300 (seconds to generate each) only when asked for. */
function teamCountArb({ large, teams = { min: 200, max: 300 } }: Sizes): fc.Arbitrary<number> {
  const many = fc.integer(teams);
  if (large === 'only') return many;
  const usual = [
    { weight: 12, arbitrary: fc.integer({ min: 1, max: 6 }) },
    { weight: 3, arbitrary: fc.integer({ min: 7, max: 40 }) },
  ];
  return large ? fc.oneof(...usual, { weight: 1, arbitrary: many }) : fc.oneof(...usual);
}

interface ConfigShape {
  teams: TeamShape[];
  defaultTeam: { stem: string; hasFile: boolean; fileIndex: number };
  cluster: { label: string } | undefined;
  ownerLabelKey: string | undefined;
  selectors: { cadvisor?: [string, string][]; kubeStateMetrics?: [string, string][]; kubelet?: [string, string][] };
  limitSource: 'kube-state-metrics' | 'cadvisor' | undefined;
  alerts: Record<string, Record<string, unknown>>;
  routing:
    | { defaultReceiver: string; ticketReceiver?: string; routeFile: boolean; alertmanagerConfig: boolean }
    | undefined;
  output: {
    prometheusRule: boolean;
    prometheus: boolean;
    mimir: boolean;
    grafanaOperator: boolean;
    configMap: boolean;
    perTeam: number;
  };
  links: { grafanaUrl: string; runbookUrlPattern: string };
  sample: { picks: number[]; fills: string[]; unclaimed: number; clusterPicks: number[]; labelPicks: number[] };
}

const configShapeArb = (sizes: Sizes): fc.Arbitrary<ConfigShape> =>
  teamCountArb(sizes).chain((count) =>
    fc.record({
      teams: fc.array(teamShapeArb(sizes.everyAlert ? everyAlertOverridesArb : alertOverridesArb), {
        minLength: count,
        maxLength: count,
      }),
      defaultTeam: fc.record({
        stem: fc.constantFrom('platform', 'sre', 'default', 'ops-0'),
        hasFile: fc.boolean(),
        fileIndex: fc.nat(),
      }),
      cluster: fc.option(
        fc.record({
          label: fc.oneof(
            fc.constantFrom('cluster', 'k8s_cluster', 'cluster_id'),
            fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/),
          ),
        }),
        { nil: undefined },
      ),
      ownerLabelKey: fc.option(
        fc.constantFrom('team', 'owner', 'example.com/team', 'app.kubernetes.io/part-of', 'Team_Name'),
        { nil: undefined },
      ),
      selectors: fc.record(
        { cadvisor: selectorArb, kubeStateMetrics: selectorArb, kubelet: selectorArb },
        { requiredKeys: [] },
      ),
      limitSource: fc.constantFrom('kube-state-metrics' as const, 'cadvisor' as const, undefined),
      alerts: alertOverridesArb,
      routing: fc.option(
        fc.record(
          {
            defaultReceiver: receiverArb,
            ticketReceiver: fc.option(receiverArb, { nil: undefined }),
            routeFile: fc.boolean(),
            alertmanagerConfig: fc.boolean(),
          },
          { requiredKeys: ['defaultReceiver', 'routeFile', 'alertmanagerConfig'] },
        ),
        { nil: undefined },
      ),
      output: fc.record({
        prometheusRule: fc.boolean(),
        prometheus: fc.boolean(),
        mimir: fc.boolean(),
        grafanaOperator: fc.boolean(),
        configMap: fc.boolean(),
        perTeam: fc.nat({ max: 3 }),
      }),
      links: fc.record({
        grafanaUrl: fc.constantFrom(
          'https://grafana.example.com',
          'https://grafana.example.com/',
          'http://grafana.internal:3000/sub/path',
        ),
        runbookUrlPattern: fc.constantFrom(
          'https://runbooks.example.com/%s',
          'https://wiki.example.com/runbooks/%s.md',
          'https://example.com/r?alert=%s&x=100%25',
        ),
      }),
      sample: fc.record({
        picks: fc.array(fc.nat(), { minLength: 1, maxLength: 10 }),
        fills: fc.array(fc.stringMatching(/^[a-z0-9]{1,4}$/), { minLength: 1, maxLength: 4 }),
        unclaimed: fc.integer({ min: 1, max: 3 }),
        clusterPicks: fc.array(fc.nat(), { minLength: 1, maxLength: 10 }),
        labelPicks: fc.array(fc.nat(), { minLength: 1, maxLength: 10 }),
      }),
    }),
  );

/** The Kubernetes label a kube-state-metrics namespace series carries it as (label_ and every other character as _). */
export function ksmLabel(key: string): string {
  return `label_${key.replace(/[^a-zA-Z0-9_]/g, '_')}`;
}

function buildProject(shape: ConfigShape): ProjectCase {
  let nextId = 0;
  const clustered = shape.cluster !== undefined;
  const names = shape.teams.map((team, i) => `${team.stem.slice(0, 20)}-${i}`.replace(/--+/g, '-'));
  const defaultTeam = shape.defaultTeam.hasFile
    ? names[shape.defaultTeam.fileIndex % names.length]!
    : shape.defaultTeam.stem;
  const routing = shape.routing;
  const builtTeams = shape.teams.map((team, i) => {
    const namespaces = team.namespaces.map((claim) => claimPattern(claim, nextId++));
    const alerts = team.alerts;
    const needsNodes = Object.keys(alerts).some((alert) => NODE_ALERT_KEYS.has(alert));
    const nodeShapes = team.nodes.length === 0 && needsNodes ? [{ kind: 'exact' as const, word: 'pool' }] : team.nodes;
    const nodes = nodeShapes.map((claim) => claimPattern(claim, nextId++));
    // Cluster patterns start with `c<id>-` or end with `-y<id>`: scopes of two teams never share a cluster.
    const clusters = clustered
      ? team.clusters.map((claim) =>
          claimPattern(claim, nextId++)
            .replace(/^a/, 'c')
            .replace(/-k(\d+)$/, '-y$1'),
        )
      : [];
    return { name: names[i]!, namespaces, nodes, clusters, shape: team };
  });
  // Two teams may claim one namespace where their cluster scopes do not meet.
  builtTeams.forEach((team, i) => {
    if (!team.shape.shareClaim || team.clusters.length === 0) return;
    const earlier = builtTeams.slice(0, i).find((other) => other.clusters.length > 0 && other.namespaces.length > 0);
    if (earlier && !team.namespaces.includes(earlier.namespaces[0]!)) team.namespaces.push(earlier.namespaces[0]!);
  });

  const teamObjects = builtTeams.map((team) => {
    const object: Record<string, unknown> = { name: team.name };
    if (team.namespaces.length > 0) object.namespaces = team.namespaces;
    if (team.nodes.length > 0) object.nodes = team.nodes;
    if (team.clusters.length > 0) object.clusters = team.clusters;
    if (team.shape.labels.length > 0)
      object.labels = Object.fromEntries(team.shape.labels.filter(([name]) => name !== shape.cluster?.label));
    if (Object.keys(team.shape.alerts).length > 0) object.alerts = team.shape.alerts;
    if (routing && (team.shape.receiver || team.shape.ticketReceiver)) {
      object.routing = {
        ...(team.shape.receiver ? { receiver: team.shape.receiver } : {}),
        ...(team.shape.ticketReceiver ? { ticketReceiver: team.shape.ticketReceiver } : {}),
      };
    }
    return { object, inline: team.shape.inline };
  });

  const config: Record<string, unknown> = { defaultTeam };
  if (shape.cluster) config.cluster = shape.cluster;
  if (shape.ownerLabelKey) config.ownership = { namespaceLabel: shape.ownerLabelKey };
  const selectors = Object.fromEntries(
    Object.entries(shape.selectors).map(([name, matchers]) => [name, selectorText(matchers!)]),
  );
  if (Object.keys(selectors).length > 0) config.selectors = selectors;
  if (shape.limitSource) config.limitSource = shape.limitSource;
  if (Object.keys(shape.alerts).length > 0) config.alerts = shape.alerts;
  if (routing) {
    const receivers = [
      routing.defaultReceiver,
      routing.ticketReceiver,
      ...builtTeams.flatMap((team) => [team.shape.receiver, team.shape.ticketReceiver]),
    ].filter((name): name is string => name !== undefined);
    config.routing = {
      defaultReceiver: routing.defaultReceiver,
      ...(routing.ticketReceiver ? { ticketReceiver: routing.ticketReceiver } : {}),
      routeFile: { enabled: routing.routeFile },
      alertmanagerConfig: {
        enabled: routing.alertmanagerConfig,
        receivers: Object.fromEntries(
          [...new Set(receivers)]
            .sort()
            .map((name) => [name, { webhookConfigs: [{ url: 'https://hooks.example.com/alert' }] }]),
        ),
      },
    };
  }
  config.links = shape.links;
  const anyRuleFile = shape.output.prometheus || shape.output.mimir;
  config.output = {
    prometheusRule: { enabled: shape.output.prometheusRule || !anyRuleFile },
    ruleFiles: { prometheus: { enabled: shape.output.prometheus }, mimir: { enabled: shape.output.mimir } },
    dashboards: {
      configMap: { enabled: shape.output.configMap },
      grafanaOperator: { enabled: shape.output.grafanaOperator },
      perTeam: names.slice(0, shape.output.perTeam),
    },
  };
  const inline = teamObjects.filter((team) => team.inline).map((team) => team.object);
  if (inline.length > 0) config.teams = inline;
  const teamFiles = teamObjects
    .filter((team) => !team.inline)
    .map((team) => ({ file: `${team.object.name}.yaml`, team: team.object }));

  // The sample: instances of claimed patterns, a few unclaimed names; in clusters inside and outside the scopes.
  const { picks, fills, unclaimed, clusterPicks, labelPicks } = shape.sample;
  const clusterNames = [
    ...builtTeams.flatMap((team) => team.clusters.map((pattern, k) => instanceOf(pattern, fills[k % fills.length]!))),
    'elsewhere',
  ];
  const allNamespaces = builtTeams.flatMap((team) => team.namespaces);
  const allNodes = builtTeams.flatMap((team) => team.nodes);
  const sampleNames = (patterns: string[], prefix: string) => [
    ...new Set([
      ...(patterns.length === 0
        ? []
        : picks.map((pick, k) => instanceOf(patterns[pick % patterns.length]!, fills[k % fills.length]!))),
      ...Array.from({ length: unclaimed }, (_, k) => `u${k}-${prefix}`),
    ]),
  ];
  const labelChoices = [undefined, defaultTeam, 'ghost-team', ...names];
  const namespaces = sampleNames(allNamespaces, 'ns').map((name, k) => {
    const cluster = clustered ? clusterNames[clusterPicks[k % clusterPicks.length]! % clusterNames.length] : undefined;
    const ownerLabel = shape.ownerLabelKey
      ? labelChoices[labelPicks[k % labelPicks.length]! % labelChoices.length]
      : undefined;
    return { name, cluster, ownerLabel };
  });
  const nodes = sampleNames(allNodes, 'node').map((name, k) => ({
    name,
    cluster: clustered ? clusterNames[clusterPicks[k % clusterPicks.length]! % clusterNames.length] : undefined,
  }));
  const allTeams = teamObjects.map(
    (team) => team.object as { name: string; namespaces?: string[]; nodes?: string[]; clusters?: string[] },
  );
  const ownerOf = (
    field: 'namespaces' | 'nodes',
    sample: { name: string; cluster?: string; ownerLabel?: string },
  ): string => {
    const claimants = allTeams.filter(
      (team) =>
        (team[field] ?? []).some((pattern) => globMatches(pattern, sample.name)) &&
        (!team.clusters ||
          sample.cluster === undefined ||
          team.clusters.some((pattern) => globMatches(pattern, sample.cluster!))),
    );
    if (claimants.length > 1)
      throw new Error(`arbitrary bug: ${sample.name} claimed by ${claimants.map((t) => t.name).join(', ')}`);
    if (claimants[0]) return claimants[0].name;
    // A label names a team that has a file, within the team's clusters (src/rules/owner-rules.ts).
    const named = allTeams.find((team) => team.name === sample.ownerLabel);
    const inScope = (team: { clusters?: string[] }) =>
      !team.clusters ||
      sample.cluster === undefined ||
      team.clusters.some((pattern) => globMatches(pattern, sample.cluster!));
    if (field === 'namespaces' && named !== undefined && names.includes(named.name) && inScope(named))
      return named.name;
    return defaultTeam;
  };
  return {
    config,
    teamFiles,
    namespaces: namespaces.map((sample) => ({ ...sample, owner: ownerOf('namespaces', sample) })),
    nodes: nodes.map((sample) => ({ ...sample, owner: ownerOf('nodes', sample) })),
  };
}

/** Glob matching written here, independently of src/config/name-pattern.ts. */
export function globMatches(pattern: string, name: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(name);
}

/**
 * Valid projects; `large`: also (true) or only ('only') 200–300 teams (`teams`: as many as that instead);
 * `everyAlert`: every team overrides every alert setting.
 */
export function validProjectArb({ large = false, teams, everyAlert }: Partial<Sizes> = {}): fc.Arbitrary<ProjectCase> {
  return configShapeArb({ large, teams, everyAlert }).map(buildProject);
}

export { ALERT_NAMES };
