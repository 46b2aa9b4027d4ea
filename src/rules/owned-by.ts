// What an owner owns: namespaces (and their containers and pods) or nodes, and the series that say who owns each.
import { LABEL } from '../values/reserved-labels.ts';
import type { Model, Owner } from '../model/model.ts';
import { NAMESPACE_OWNER, NODE_OWNER } from './record-names.ts';

export type OwnedBy = 'namespaces' | 'nodes';

const OWNED_LABEL: Record<OwnedBy, string> = { namespaces: LABEL.namespace, nodes: LABEL.node };

/** The label that names what is owned: namespace or node. */
export function ownedLabel(kind: OwnedBy): string {
  return OWNED_LABEL[kind];
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
