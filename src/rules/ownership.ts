// Who owns a namespace or node, as series. Each owner's claim is one recording rule whose selector matches
// exactly its patterns; the catch-all owner's selector excludes every claimed pattern. Patterns never overlap
// (checked at load), so every namespace and node gets exactly one owner series and joins never meet duplicates.
import type { Model, Owner } from '../model/model.ts';
import { patternToRegex } from '../config/name-pattern.ts';
import { binary, matcher, series } from './promql.ts';
import { NAMESPACE_OWNER, NODE_OWNER } from './record-names.ts';

export type OwnedBy = 'namespaces' | 'nodes';

const LABEL: Record<OwnedBy, string> = { namespaces: 'namespace', nodes: 'node' };

export function ownedLabel(kind: OwnedBy): string {
  return LABEL[kind];
}

/**
 * The matcher that selects what a set of owners owns: `=~` their patterns, or, when the catch-all owner is among
 * them, `!~` the patterns of every other owner. `null` when the set owns nothing; `undefined` when it owns everything.
 */
export function ownedMatcher(model: Model, kind: OwnedBy, owners: Owner[]): string | null | undefined {
  const label = LABEL[kind];
  if (owners.some((owner) => owner.claimedBy === undefined)) {
    const others = model.owners.filter((owner) => !owners.includes(owner));
    const excluded = patternsOf(others, kind);
    return excluded.length === 0 ? undefined : matcher(label, '!~', regexOf(excluded));
  }
  const included = patternsOf(owners, kind);
  return included.length === 0 ? null : matcher(label, '=~', regexOf(included));
}

/** The labels an owner's series carry: team, owner (claimed ones only), and the team's extra labels. */
export function ownerLabels(owner: Owner): Record<string, string> {
  return { ...owner.labels, ...(owner.claimedBy ? { owner: owner.claimedBy } : {}), team: owner.team };
}

/** Label names copied onto alerts from the owner series: team plus every extra label any owner uses. */
function copiedOwnerLabels(model: Model): string[] {
  return ['team', ...[...new Set(model.owners.flatMap((owner) => Object.keys(owner.labels)))].sort()];
}

/**
 * `expr` with the owner's team and labels joined on; the value stays `expr`'s (the owner series are 1).
 * topk: when a team's labels change, the owner rule's old series lives until the end of the first evaluation after
 * the reload, beside the new one; a plain join would then fail as many-to-many for every namespace.
 */
export function withOwnerLabels(model: Model, kind: OwnedBy, expr: string, owned: string | undefined): string {
  const label = LABEL[kind];
  const owner = `topk by (${label}) (1, ${series(kind === 'namespaces' ? NAMESPACE_OWNER : NODE_OWNER, owned)})`;
  return binary(expr, `* on (${label}) group_left (${copiedOwnerLabels(model).join(', ')})`, owner);
}

function patternsOf(owners: Owner[], kind: OwnedBy): string[] {
  return [...new Set(owners.flatMap((owner) => owner[kind]))].sort();
}

function regexOf(patterns: string[]): string {
  return patterns.map(patternToRegex).join('|');
}
