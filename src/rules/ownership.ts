// Who owns a namespace or node, as series: exactly one `headroom:namespace_owner:info` (or node_owner) series per
// namespace (node) seen, labelled with the owner's team and labels. Rules that differ by team settings select their
// owners by the `owner` label of these series (a set of team names), never by namespace patterns, so a rule's
// selector does not grow with the namespaces teams list and works the same whether a team file or a namespace label
// decided the owner.
import type { Model, Owner } from '../model/model.ts';
import { keyOf } from './keys.ts';
import { binary, matcher, series } from './promql.ts';
import { NAMESPACE_OWNER, NODE_OWNER } from './record-names.ts';

export type OwnedBy = 'namespaces' | 'nodes';

const LABEL: Record<OwnedBy, string> = { namespaces: 'namespace', nodes: 'node' };

export function ownedLabel(kind: OwnedBy): string {
  return LABEL[kind];
}

export function ownerSeriesName(kind: OwnedBy): string {
  return kind === 'namespaces' ? NAMESPACE_OWNER : NODE_OWNER;
}

/** How the owner of a namespace or node was decided: the `claim` label of the owner series. */
export const CLAIM = { file: 'file', namespaceLabel: 'namespace-label', none: 'none' } as const;

/** Whether an owner can own anything of this kind: a claim in its file, or (namespaces) a namespace label naming it. */
export function mayOwn(model: Model, owner: Owner, kind: OwnedBy): boolean {
  if (owner.claimedBy === undefined) return true;
  return owner[kind].length > 0 || (kind === 'namespaces' && model.namespaceOwnerLabel !== undefined);
}

/**
 * The matcher on the owner series that selects what a set of owners owns: `owner=~` their names, or, when the
 * catch-all owner is among them, `owner!~` the names of every other owner (series without `owner` match it).
 * `null` when the set can own nothing; `undefined` when it owns everything.
 */
export function ownerMatcher(model: Model, kind: OwnedBy, owners: Owner[]): string | null | undefined {
  const candidates = (list: Owner[]) => list.filter((owner) => owner.claimedBy !== undefined && mayOwn(model, owner, kind)).map((owner) => owner.claimedBy!);
  if (owners.some((owner) => owner.claimedBy === undefined)) {
    const others = candidates(model.owners.filter((owner) => !owners.includes(owner)));
    return others.length === 0 ? undefined : matcher('owner', '!~', others.join('|'));
  }
  const included = candidates(owners);
  return included.length === 0 ? null : matcher('owner', '=~', included.join('|'));
}

/** The labels an owner's series carry: team, owner (claimed ones only), and the team's extra labels. */
export function ownerLabels(owner: Owner): Record<string, string> {
  return { ...owner.labels, ...(owner.claimedBy ? { owner: owner.claimedBy } : {}), team: owner.team };
}

/** Label names copied onto alerts from the owner series: team plus every extra label any owner uses. */
export function copiedOwnerLabels(model: Model): string[] {
  return ['team', ...[...new Set(model.owners.flatMap((owner) => Object.keys(owner.labels)))].sort()];
}

/**
 * `expr` restricted to what the selected owners own, with the owner's team and labels joined on; the value stays
 * `expr`'s (the owner series are 1). topk: when a team's labels change, the owner rule's old series lives until the
 * end of the first evaluation after the reload, beside the new one; a plain join would then fail as many-to-many for
 * every namespace.
 */
export function withOwnerLabels(model: Model, kind: OwnedBy, expr: string, owned: string | undefined): string {
  const key = keyOf(model, LABEL[kind]);
  const owner = `topk by (${key.join(', ')}) (1, ${series(ownerSeriesName(kind), owned)})`;
  return binary(expr, `* on (${key.join(', ')}) group_left (${copiedOwnerLabels(model).join(', ')})`, owner);
}
