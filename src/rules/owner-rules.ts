// Recording rules that label every namespace and node seen with its owner (see ownership.ts). They run in this
// order inside one group, each later rule reading what the earlier ones recorded in the same evaluation:
//   1. explicit claims of team files, one small rule per claiming team (its patterns, within its clusters);
//   2. with `ownership.namespaceLabel`: one rule for every namespace whose label names a team and that no file claims
//      (a team file's explicit claim beats the label), and one that lists labels naming no team;
//   3. the catch-all: every namespace (node) seen that nobody claimed goes to the default team.
// Claims never overlap (checked at load), so every namespace and node gets exactly one owner series.
import { patternToRegex } from '../config/name-pattern.ts';
import type { Model, Owner } from '../model/model.ts';
import { keyOf, namespaceKey } from './keys.ts';
import { CLAIM, type OwnedBy, ownedLabel, ownerLabels, ownerSeriesName } from './ownership.ts';
import { aggregate, binary, matcher, quote, series } from './promql.ts';
import { CONTAINER_RESTARTS, MEMORY_RATIO, NAMESPACE_CONTAINERS, NAMESPACE_LABEL_OWNER, NAMESPACE_OWNER, NAMESPACE_OWNER_UNKNOWN, NODE_SEEN, TEAM_LABELS } from './record-names.ts';
import type { RecordingRule } from './rule-types.ts';
import { sourceSeries } from './source-series.ts';

/**
 * The containers known per namespace, counted once per evaluation so that each ownership rule scans one series per
 * namespace instead of one per container. A container counts when any series an alert reads exists for it: the memory
 * ratio (working set and limit) or the restart counter — so near-limit alerts keep their owner without
 * kube-state-metrics' restart counter, and OOM alerts without a memory limit.
 */
export function namespaceContainersRule(model: Model): RecordingRule {
  return { record: NAMESPACE_CONTAINERS, expr: aggregate('count', namespaceKey(model), `${series(MEMORY_RATIO)} or ${series(CONTAINER_RESTARTS)}`) };
}

/** The nodes known, recorded once per evaluation for the same reason: what the node ownership rules scan. */
export function nodesSeenRule(model: Model): RecordingRule {
  return { record: NODE_SEEN, expr: aggregate('group', keyOf(model, 'node'), sourceSeries(model).nodeCondition()) };
}

export function ownerRules(model: Model, kind: OwnedBy): RecordingRule[] {
  const labelRules = kind === 'namespaces' && model.namespaceOwnerLabel ? namespaceLabelRules(model, model.namespaceOwnerLabel) : [];
  return [...model.owners.flatMap((owner) => fileClaimRule(model, kind, owner)), ...labelRules, catchAllRule(model, kind)];
}

/** Every namespace (node) seen: the series an owner rule selects from. */
function seen(model: Model, kind: OwnedBy, ...matchers: (string | undefined)[]): string {
  return series(kind === 'namespaces' ? NAMESPACE_CONTAINERS : NODE_SEEN, ...matchers);
}

function fileClaimRule(model: Model, kind: OwnedBy, owner: Owner): RecordingRule[] {
  if (owner.claimedBy === undefined || owner[kind].length === 0) return [];
  const within = model.clusterLabel && owner.clusters.length > 0 ? matcher(model.clusterLabel, '=~', regexOf(owner.clusters)) : undefined;
  const claimed = seen(model, kind, matcher(ownedLabel(kind), '=~', regexOf(owner[kind])), within);
  return [{ record: ownerSeriesName(kind), expr: aggregate('group', keyOf(model, ownedLabel(kind)), claimed), labels: { ...ownerLabels(owner), claim: CLAIM.file } }];
}

function catchAllRule(model: Model, kind: OwnedBy): RecordingRule {
  const catchAll = model.owners.find((owner) => owner.claimedBy === undefined)!;
  const key = keyOf(model, ownedLabel(kind));
  const everything = aggregate('group', key, seen(model, kind));
  const claims = [CLAIM.file, ...(kind === 'namespaces' && model.namespaceOwnerLabel ? [CLAIM.namespaceLabel] : [])];
  const anyClaimed = model.owners.some((owner) => owner.claimedBy !== undefined && owner[kind].length > 0) || claims.length > 1;
  const expr = anyClaimed ? binary(everything, `unless on (${key.join(', ')})`, series(ownerSeriesName(kind), claims.length === 1 ? matcher('claim', '=', claims[0]!) : matcher('claim', '=~', claims.join('|')))) : everything;
  return { record: ownerSeriesName(kind), expr, labels: { ...ownerLabels(catchAll), claim: CLAIM.none } };
}

/**
 * Ownership read from a namespace label (kube-state-metrics' kube_namespace_labels{label_<key>}): one rule whatever
 * the number of teams, plus one constant rule per team with extra labels (it reads no series).
 */
function namespaceLabelRules(model: Model, ownerLabel: string): RecordingRule[] {
  const key = namespaceKey(model);
  const teams = model.owners.filter((owner) => owner.claimedBy !== undefined);
  const teamNames = teams.map((owner) => owner.claimedBy!);
  const notFileClaimed = (expr: string) => binary(expr, `unless on (${key.join(', ')})`, series(NAMESPACE_OWNER, matcher('claim', '=', CLAIM.file)));
  const copyLabel = (expr: string, target: string) => `label_replace(${expr}, ${quote(target)}, "$1", ${quote(ownerLabel)}, "(.*)")`;
  const labelled = (valueMatcher: string) => aggregate('group', [...key, ownerLabel], sourceSeries(model).namespaceLabels(valueMatcher));

  const rules: RecordingRule[] = teams
    .filter((owner) => Object.keys(owner.labels).length > 0)
    .map((owner) => ({ record: TEAM_LABELS, expr: 'vector(1)', labels: { ...owner.labels, owner: owner.claimedBy! } }));
  if (teamNames.length > 0) {
    rules.push({ record: NAMESPACE_LABEL_OWNER, expr: `group without (${ownerLabel}) (${copyLabel(copyLabel(labelled(matcher(ownerLabel, '=~', teamNames.join('|'))), 'owner'), 'team')})` });
    const named = notFileClaimed(series(NAMESPACE_LABEL_OWNER));
    const labelNames = [...new Set(teams.flatMap((owner) => Object.keys(owner.labels)))].sort();
    const expr =
      labelNames.length === 0
        ? named
        : binary(binary(named, `* on (owner) group_left (${labelNames.join(', ')})`, series(TEAM_LABELS)), 'or', binary(named, 'unless on (owner)', series(TEAM_LABELS)));
    rules.push({ record: NAMESPACE_OWNER, expr, labels: { claim: CLAIM.namespaceLabel } });
  }
  // The default team needs no file: a label naming it is known, and its namespaces go to the catch-all.
  const known = [...new Set([...teamNames, model.defaultTeam])].join('|');
  const unknown = labelled(`${matcher(ownerLabel, '!=', '')}, ${matcher(ownerLabel, '!~', known)}`);
  rules.push({ record: NAMESPACE_OWNER_UNKNOWN, expr: notFileClaimed(`group without (${ownerLabel}) (${copyLabel(unknown, 'owner_label')})`) });
  return rules;
}

function regexOf(patterns: string[]): string {
  return [...new Set(patterns)].sort().map(patternToRegex).join('|');
}
