// Where headroom's routing sends a team's alerts, as the settings manifest states it (global.routing).
import type { ManifestData } from './read-manifest.ts';
import { isRecord } from './value-changes.ts';

/**
 * { receiver, ticketReceiver } of the team's route (the fallback receiver for a team with none); ticketReceiver is
 * where its severity="info" alerts go, the receiver itself when the team names none. {} without routing.
 */
export function teamReceivers(manifest: ManifestData, team: string): Record<string, unknown> {
  const routing = manifest.global.routing;
  if (!isRecord(routing)) return {};
  const route =
    isRecord(routing.teams) && isRecord(routing.teams[team])
      ? routing.teams[team]
      : { receiver: routing.fallbackReceiver };
  return { receiver: route.receiver, ticketReceiver: route.ticketReceiver ?? route.receiver };
}
