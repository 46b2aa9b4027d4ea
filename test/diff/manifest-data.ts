// Settings manifests (headroom-settings.yaml as src/diff/read-manifest.ts reads it), built for the tests of the diff's
// moves, renames and warnings: an owner with every alert's default settings, and a manifest of such owners.
import { DEFAULT_ALERTS } from '../../src/alerts/catalogue.ts';
import type { ManifestData, ManifestOwnerData } from '../../src/diff/read-manifest.ts';

/** A fresh copy of every alert's defaults, as a manifest owner carries them. */
export const defaultAlerts = () => structuredClone(DEFAULT_ALERTS) as unknown as ManifestOwnerData['alerts'];

/** An owner claiming `namespaces` with the default alert settings; `more` sets the rest (nodes, clusters, …). */
export function ownerData(namespaces: string[], more: Partial<ManifestOwnerData> = {}): ManifestOwnerData {
  return { namespaces, nodes: [], clusters: [], labels: {}, alerts: defaultAlerts(), ...more };
}

/** A manifest of `teams` with default team platform and an unclaimed owner claiming nothing; `more` overrides. */
export function manifestData(teams: Record<string, ManifestOwnerData>, more: Partial<ManifestData> = {}): ManifestData {
  return { defaultTeam: 'platform', global: {}, defaults: {}, teams, unclaimed: ownerData([]), ...more };
}
