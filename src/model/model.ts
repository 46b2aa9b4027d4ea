// The resolved model: who owns what, and the effective settings of every alert for each owner.
import type { AlertSettings, HeadroomConfig } from '../config/schema.ts';

export interface Owner {
  /** The claiming team's name; undefined for the catch-all owner of everything no team claims. */
  claimedBy: string | undefined;
  /** Value of the `team` label: the claiming team, or the config's defaultTeam. */
  team: string;
  /** Extra labels on every alert of this owner, sorted by name. */
  labels: Record<string, string>;
  namespaces: string[];
  nodes: string[];
  /** Defaults with the team's overrides applied. */
  alerts: AlertSettings;
}

export interface Model {
  selectors: HeadroomConfig['selectors'];
  limitSource: HeadroomConfig['limitSource'];
  links: HeadroomConfig['links'];
  output: HeadroomConfig['output'];
  defaultTeam: string;
  defaults: AlertSettings;
  /** Claiming teams in name order, then the catch-all owner. */
  owners: Owner[];
}
