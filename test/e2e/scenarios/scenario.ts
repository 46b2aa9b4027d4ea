// A scenario drives the fake clusters over time (World) and states checks on what reached the receivers. The same
// checks hold for every ruler: each becomes one test per ruler, so a failure names the ruler and the check.
import type { RulerPages } from '../harness/pages.ts';
import type { World } from '../harness/world.ts';

export interface Check {
  title: string;
  /** What went wrong, one line each; empty when the check holds. */
  problems(pages: RulerPages, world: World): string[];
}

export interface Scenario {
  /** One word, unique, for `-t "scenario <name>"`. */
  name: string;
  title: string;
  /** The clusters it plays (its series live only there, and some scenarios take their targets down). */
  clusters: string[];
  /** Plays the scenario; resolves when its last notification can have arrived. */
  drive(world: World): Promise<void>;
  checks: Check[];
}

/**
 * Receivers of test/fixtures/e2e/headroom.config.ts by team: pages, then severity="info" (tickets).
 * platform is the default team: unowned namespaces and nodes.
 */
const RECEIVERS: Record<string, { pager: string; tickets: string }> = {
  batch: { pager: 'batch-pager', tickets: 'tickets' },
  payments: { pager: 'payments-pager', tickets: 'payments-tickets' },
  platform: { pager: 'platform-pager', tickets: 'tickets' },
  search: { pager: 'search-pager', tickets: 'tickets' },
  storage: { pager: 'storage-pager', tickets: 'tickets' },
};

/** The receiver an alert of `team` with `severity` must reach. */
export function receiverOf(team: string, severity: string): string {
  const receivers = RECEIVERS[team] ?? RECEIVERS.platform!;
  return severity === 'info' ? receivers.tickets : receivers.pager;
}
