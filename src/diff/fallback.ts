// Who gets a namespace or node no team file claims, in words that hold whatever the cluster holds. With team files
// only: the default team, with the default settings. Under `ownership.namespaceLabel`, a namespace goes to the team
// its label names (where that team has a team file holding in the cluster), else to the default team; headroom-
// settings.yaml knows no label values, so the diff can only say exactly that, never which team it will be.
import type { ClaimField } from './claim-changes.ts';
import type { ManifestData } from './read-manifest.ts';

interface Fallback {
  defaultTeam: string;
  /** The label (as kube-state-metrics exports it, e.g. label_team) that decides first; undefined: none does. */
  label: string | undefined;
}

export function fallbackOf(manifest: ManifestData, field: ClaimField): Fallback {
  return {
    defaultTeam: manifest.defaultTeam,
    label: field === 'namespaces' ? namespaceOwnerLabel(manifest) : undefined,
  };
}

/**
 * "team platform with the default settings", or "the team its label_team label names, or team platform with the
 * default settings where the label names no team in scope"; `team` adds "(team payments where it names payments)".
 */
export function fallbackText(fallback: Fallback, team?: string): string {
  const byDefault = `team ${fallback.defaultTeam} with the default settings`;
  if (fallback.label === undefined) return byDefault;
  const itself = team !== undefined && team !== fallback.defaultTeam ? ` (team ${team} where it names ${team})` : '';
  return `the team its ${fallback.label} label names${itself}, or ${byDefault} where the label names no team in scope`;
}

/** The namespace label that names owners, when ownership reads one (see ownershipText in settings-manifest.ts). */
export function namespaceOwnerLabel(manifest: ManifestData): string | undefined {
  const ownership = manifest.global.ownership;
  return typeof ownership === 'string' ? /\(kube_namespace_labels (\S+)\)/.exec(ownership)?.[1] : undefined;
}
