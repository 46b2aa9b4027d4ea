// Who owns each namespace and node, decided in one recording rule each (headroom:namespace_owner:info,
// headroom:node_owner:info), in the ownership group. For every (cluster, namespace):
//   1. a team file claims it when one of the team's patterns matches and the cluster is in the team's `clusters`
//      (none: every cluster) — claims never overlap (checked at load);
//   2. else, with `ownership.namespaceLabel`, the team the namespace's label names, when that team has a team file and
//      the cluster is in its `clusters` (a label naming a team out of its clusters, or no team, names nobody);
//   3. else the default team.
// Nodes: 1, else 3. The whole decision is one expression over series other groups record (the containers and nodes
// seen) and kube-state-metrics' namespace labels, never over a series recorded in the same evaluation: on vmalert,
// which reads recorded series back an evaluation late, a chain of rules (claims, then everything not claimed) saw
// different evaluations and gave a namespace two owners or none. The owner's team, labels and settings come from
// headroom:team:info, one constant series per owner (teams group): a namespace whose owner's entry is not there yet
// has no owner (its alerts wait) rather than the wrong one. While kube-state-metrics replicas disagree about a
// namespace's label (a relabel between their scrapes), the label names nobody and the namespace has no owner.
import { LABEL } from '../values/reserved-labels.ts';
import { literalPrefix, patternToRegex } from '../values/name-pattern.ts';
import type { Model, Owner } from '../model/model.ts';
import {
  balanced,
  binary,
  by,
  call,
  count,
  eq,
  type Expr,
  group,
  groupLeft,
  labelReplace,
  type Matcher,
  neq,
  on,
  print,
  re,
  selector,
} from '../promql/index.ts';
import { byFirst } from '../values/ordering.ts';
import { contentChunks } from './content-chunks.ts';
import { keyOf, namespaceKey } from '../rules/keys.ts';
import {
  type NameRange,
  prefixesMeetingRanges,
  prefixWithinRange,
  rangeRegexes,
  rangesBetween,
} from './name-ranges.ts';
import { CLAIM, mayOwn, type OwnedBy, ownedLabel, ownerSeriesName } from '../rules/owned-by.ts';
import { copiedOwnerLabels, ownerLabels } from '../rules/ownership.ts';
import { ownerSettingsLabels, settingsLabel } from '../rules/partition.ts';
import { ALERTS } from '../alerts/catalogue.ts';
import { valueSettingId } from '../alerts/alert-definition.ts';
import { alertSettingsOf } from '../rules/rule-settings.ts';
import {
  CONTAINER_RESTARTS,
  MEMORY_RATIO,
  NAMESPACE_CONTAINERS,
  NAMESPACE_OWNER,
  NAMESPACE_OWNER_UNKNOWN,
  NODE_SEEN,
  TEAM_INFO,
  TEAM_SETTING,
} from '../rules/record-names.ts';
import type { RecordingRule } from '../rules/rule-types.ts';
import { sourceSeries } from '../rules/source-series.ts';

/**
 * The containers known per namespace, counted once per evaluation so that the ownership rule scans one series per
 * namespace instead of one per container. A container counts when any series an alert reads exists for it: the memory
 * ratio (working set and limit) or the restart counter — so near-limit alerts keep their owner without
 * kube-state-metrics' restart counter, and OOM alerts without a memory limit.
 */
export function namespaceContainersRule(model: Model): RecordingRule {
  return {
    record: NAMESPACE_CONTAINERS,
    expr: print(count(by(namespaceKey(model)), binary(selector(MEMORY_RATIO), 'or', selector(CONTAINER_RESTARTS)))),
  };
}

/** The nodes known, recorded once per evaluation: what the node ownership rule scans. */
export function nodesSeenRule(model: Model): RecordingRule {
  return { record: NODE_SEEN, expr: print(group(by(keyOf(model, LABEL.node)), sourceSeries(model).nodeCondition())) };
}

/** Owners that can own something: their teams-table entry is needed. The catch-all owner always can. */
function owningOwners(model: Model): Owner[] {
  return model.owners.filter((owner) => mayOwn(model, owner, 'namespaces') || mayOwn(model, owner, 'nodes'));
}

/** Bytes of rules one part of the teams table may hold (see CLAIMS_BUDGET). */
const TEAMS_BUDGET = 150_000;

/** One part of the teams table: the rules of the owners from `from` (a team name; '' from the first) on. */
interface TeamsChunk {
  from: string;
  rules: RecordingRule[];
}

/**
 * The teams table (teamInfoRules, teamSettingRules) as one part, or as several where it would not fit one
 * Kubernetes object, cut by owner name where the name hashes to a boundary (content-chunks.ts).
 */
export function teamsTable(model: Model): TeamsChunk[] {
  const rules = [...teamInfoRules(model), ...teamSettingRules(model)];
  // Each owner's rules together; the catch-all (no owner label) first.
  const byOwner = (rule: RecordingRule) => rule.labels?.[LABEL.owner] ?? '';
  const chunks = contentChunks(rules, {
    key: byOwner,
    size: (rule) => JSON.stringify(rule).length + 40,
    budget: TEAMS_BUDGET,
    spacing: 64,
  });
  return chunks.map((chunk) => ({
    from: chunk.from,
    rules: [
      ...chunk.items.filter((rule) => rule.record === TEAM_INFO),
      ...chunk.items.filter((rule) => rule.record !== TEAM_INFO),
    ],
  }));
}

/**
 * headroom:team:info: one constant series per owner, keyed by `owner` (absent for the default team's catch-all), with
 * the team, its labels and its settings labels — what the ownership rules join onto every namespace and node it owns.
 */
function teamInfoRules(model: Model): RecordingRule[] {
  return owningOwners(model).map((owner) => ({
    record: TEAM_INFO,
    expr: print(call('vector', [1])),
    labels: {
      ...ownerLabels(owner),
      ...ownerSettingsLabels(model, owner, ALERTS),
      ...(owner.claimedBy ? { [LABEL.owner]: owner.claimedBy } : {}),
    },
  }));
}

/** headroom:team_setting:value: one constant series per owner and numeric setting it uses (see rule-settings.ts). */
function teamSettingRules(model: Model): RecordingRule[] {
  return owningOwners(model).flatMap((owner) =>
    ALERTS.flatMap((alert) =>
      Object.entries(alert.valueSettings ?? {}).flatMap(([name, settingValue]) => {
        const value = (settingValue as (settings: unknown) => number | undefined)(alertSettingsOf(owner, alert.key));
        if (value === undefined) return [];
        const setting = valueSettingId(alert, name);
        return [
          {
            record: TEAM_SETTING,
            expr: print(call('vector', [value])),
            labels: { [LABEL.setting]: setting, ...(owner.claimedBy ? { [LABEL.owner]: owner.claimedBy } : {}) },
          },
        ];
      }),
    ),
  );
}

/** The labels of the teams table an owner series of this kind carries: the team, its labels, its alerts' settings. */
function teamInfoLabels(model: Model, kind: OwnedBy): string[] {
  const alerts = ALERTS.filter((alert) => alert.subject === kind);
  const selections = alerts.map((alert) => settingsLabel(model, alert)).filter((label) => label !== undefined);
  return [...copiedOwnerLabels(model), ...selections.sort()];
}

/** One part of the ownership decision: the rule deciding every name in `range`. */
interface OwnerShard {
  range: NameRange;
  rule: RecordingRule;
}

/** A claim pattern of a team file, placed by its literal prefix (every name it matches starts with it). */
interface ClaimPattern {
  owner: Owner;
  pattern: string;
  prefix: string;
}

/**
 * Bytes of expression text one ownership rule may hold for its claims; the rest of the rule (label claims, the
 * default team) is counted separately. A PrometheusRule object applied client-side must stay under 262,144 bytes.
 */
const CLAIMS_BUDGET = 150_000;

/** Text one claim pattern adds to a rule: the pattern, and its share of its team's selector and label_replace. */
function claimBytes(claim: ClaimPattern, kind: OwnedBy): number {
  return claim.pattern.length + 8 + Math.ceil(180 / claim.owner[kind].length);
}

/**
 * The ownership decision for every namespace (node), as one rule, or as one rule per range of names where the claims
 * of a large fleet would not fit one Kubernetes object: the ranges are cut where the claims' prefixes hash to a
 * boundary (content-chunks.ts), so a team added or removed moves the claims of its range only.
 */
export function ownerShards(model: Model, kind: OwnedBy): OwnerShard[] {
  const claims: ClaimPattern[] = model.owners
    .filter((owner) => owner.claimedBy !== undefined)
    .flatMap((owner) => owner[kind].map((pattern) => ({ owner, pattern, prefix: literalPrefix(pattern) })));
  const bounds = contentChunks(claims, {
    key: (claim) => claim.prefix,
    size: (claim) => claimBytes(claim, kind),
    budget: CLAIMS_BUDGET,
    spacing: 1000,
  })
    .map((chunk) => chunk.from)
    .filter((from) => from !== '');
  const ranges = rangesBetween(bounds);
  const meeting = prefixesMeetingRanges(
    claims.map((claim) => claim.prefix),
    ranges,
  );
  return ranges.map((range, i) => ({
    range,
    rule: ownerRule(
      model,
      kind,
      range,
      meeting[i]!.map((position) => claims[position]!),
    ),
  }));
}

function ownerRule(model: Model, kind: OwnedBy, range: NameRange, claims: ClaimPattern[]): RecordingRule {
  const key = keyOf(model, ownedLabel(kind));
  const inRange = rangeRegexes(range).map((regex) => re(ownedLabel(kind), regex));
  const seen = (...matchers: Matcher[]) =>
    selector(kind === 'namespaces' ? NAMESPACE_CONTAINERS : NODE_SEEN, ...matchers);
  // Each owner's claims, looked up rather than filtered out of the range's for every owner (teams × claims).
  const claimsOf = new Map<Owner, ClaimPattern[]>();
  for (const claim of claims) {
    const own = claimsOf.get(claim.owner);
    if (own) own.push(claim);
    else claimsOf.set(claim.owner, [claim]);
  }
  const teamClaims = model.owners.flatMap((owner) =>
    fileClaims(model, kind, owner, range, claimsOf.get(owner) ?? [], seen),
  );
  const claimed = (expr: Expr, claim: string) => labelReplace(expr, LABEL.claim, claim);
  const unclaimed = claimed(group(by(key), seen(...inRange)), CLAIM.none);
  let rest: Expr = unclaimed;
  if (kind === 'namespaces' && model.namespaceOwnerLabel !== undefined) {
    const label = model.namespaceOwnerLabel;
    const labelled = namespaceLabelClaims(model, label, inRange);
    const decided =
      labelled === undefined
        ? unclaimed
        : binary(claimed(labelled, CLAIM.namespaceLabel), 'or', unclaimed, on(key), 'lines');
    // Replicas that disagree about the label (a relabel between their scrapes): nobody, until they agree.
    const named = sourceSeries(model).namespaceLabels(neq(label, ''), ...inRange);
    const ambiguous = binary(count(by(key), group(by([...key, label]), named)), '>', 1);
    rest = binary(decided, 'unless', ambiguous, on(key), 'lines');
  }
  const owners =
    teamClaims.length === 0
      ? rest
      : binary(claimed(balanced(teamClaims, 'or', 'lines'), CLAIM.file), 'or', rest, on(key), 'lines');
  const joined = binary(
    owners,
    '*',
    selector(TEAM_INFO),
    on([LABEL.owner]),
    groupLeft(teamInfoLabels(model, kind)),
    'lines',
  );
  // The value is the time of the decision: readers keep the newest where a renamed group's old decisions linger.
  return { record: ownerSeriesName(kind), expr: print(binary(call('time'), '*', joined)) };
}

/**
 * One team file's claims in a range: what they match among the namespaces (nodes) seen, within its clusters, with
 * `owner`. Patterns wholly in the range in one selector; patterns reaching beyond it in one more, held to the range.
 */
function fileClaims(
  model: Model,
  kind: OwnedBy,
  owner: Owner,
  range: NameRange,
  claims: ClaimPattern[],
  seen: (...matchers: Matcher[]) => Expr,
): Expr[] {
  if (claims.length === 0) return [];
  const within = clustersMatchers(model, owner.clusters);
  const inside = claims.filter((claim) => prefixWithinRange(claim.prefix, range)).map((claim) => claim.pattern);
  const across = claims.filter((claim) => !prefixWithinRange(claim.prefix, range)).map((claim) => claim.pattern);
  const held = () => rangeRegexes(range).map((regex) => re(ownedLabel(kind), regex));
  const selectors = [
    ...(inside.length > 0 ? [seen(re(ownedLabel(kind), regexOf(inside)), ...within)] : []),
    ...(across.length > 0 ? [seen(re(ownedLabel(kind), regexOf(across)), ...held(), ...within)] : []),
  ];
  return selectors.map((matched) =>
    labelReplace(group(by(keyOf(model, ownedLabel(kind))), matched), LABEL.owner, owner.claimedBy!),
  );
}

/** The matcher of a team's clusters: none for a single cluster or a team in every cluster. */
function clustersMatchers(model: Model, clusters: string[]): Matcher[] {
  return model.clusterLabel && clusters.length > 0 ? [re(model.clusterLabel, regexOf(clusters))] : [];
}

/**
 * Namespaces in a range whose owner label names a team with a team file, in its clusters, with `owner` (the label's
 * value): teams without clusters in one selector, teams with the same clusters in one each.
 */
function namespaceLabelClaims(model: Model, label: string, inRange: Matcher[]): Expr | undefined {
  const key = namespaceKey(model);
  const labels = sourceSeries(model).namespaceLabels;
  const byClusters = new Map<string, { clusters: string[]; teams: string[] }>();
  for (const owner of model.owners) {
    if (owner.claimedBy === undefined) continue;
    const clusters = model.clusterLabel === undefined ? [] : owner.clusters;
    const scope = clusters.join(' ');
    const entry = byClusters.get(scope) ?? { clusters, teams: [] };
    entry.teams.push(owner.claimedBy);
    byClusters.set(scope, entry);
  }
  const claims = [...byClusters.entries()].sort(byFirst).map(([, { clusters, teams }]) => {
    const named = labels(re(label, teams.join('|')), ...clustersMatchers(model, clusters), ...inRange);
    return group(by([...key, LABEL.owner]), labelReplace(named, LABEL.owner, '$1', label, '(.*)'));
  });
  return claims.length === 0 ? undefined : balanced(claims, 'or', 'lines');
}

/**
 * Namespaces whose owner label names no team there (a typo, a team without a file, a team out of its clusters): they
 * went to the default team. For the overview dashboard only; it reads the decision recorded before it.
 */
export function unknownOwnerRule(model: Model): RecordingRule[] {
  const label = model.namespaceOwnerLabel;
  if (label === undefined) return [];
  const key = namespaceKey(model);
  const named = sourceSeries(model).namespaceLabels(neq(label, ''), neq(label, model.defaultTeam));
  const unknown = group(by([...key, LABEL.ownerLabel]), labelReplace(named, LABEL.ownerLabel, '$1', label, '(.*)'));
  const decidedByNobody = selector(NAMESPACE_OWNER, eq(LABEL.claim, CLAIM.none));
  return [{ record: NAMESPACE_OWNER_UNKNOWN, expr: print(binary(unknown, 'and', decidedByNobody, on(key), 'lines')) }];
}

function regexOf(patterns: string[]): string {
  return [...new Set(patterns)].sort().map(patternToRegex).join('|');
}
