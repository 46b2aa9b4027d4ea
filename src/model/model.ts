// The resolved model: who owns what, and the effective settings of every alert for each owner.
import type { HeadroomConfig } from '../config/schema.ts';
import type { AlertSettings } from '../alerts/catalogue.ts';
import type { Team } from '../config/team-schema.ts';

export interface Owner {
  /** The claiming team's name; undefined for the catch-all owner of everything no team claims. */
  claimedBy: string | undefined;
  /** Value of the `team` label: the claiming team, or the config's defaultTeam. */
  team: string;
  /** Extra labels on every alert of this owner, sorted by name. */
  labels: Record<string, string>;
  namespaces: string[];
  nodes: string[];
  /** Clusters where the claim and overrides hold (patterns); empty: every cluster. */
  clusters: string[];
  /** Defaults with the team's overrides applied. */
  alerts: AlertSettings;
  /** The team file's Alertmanager receivers (the default team's for the catch-all); undefined: the config's. */
  routing: Team['routing'];
}

/** An alert held back by `inputs.absent`. */
export interface NotGenerated {
  /** Its name, e.g. ContainerProcessOOMKilled. */
  alert: string;
  /** The declared-absent metrics it cannot work without. */
  needs: readonly string[];
  /** The teams that have it on (the default team for what no team claims), sorted. */
  onFor: readonly string[];
}

export interface Model {
  /** The cluster label when several clusters share one metrics store; undefined for a single cluster. */
  clusterLabel: string | undefined;
  /** The kube-state-metrics label (e.g. label_team) that names a namespace's owner; undefined: team files only. */
  namespaceOwnerLabel: string | undefined;
  /** The Kubernetes namespace label it comes from (config `ownership.namespaceLabel`, e.g. team). */
  namespaceOwnerKey: string | undefined;
  selectors: HeadroomConfig['selectors'];
  limitSource: HeadroomConfig['limitSource'];
  /** Input metrics the config declares absent (`inputs.absent`), sorted: no alert expects them, none watches them. */
  absentInputs: readonly string[];
  /**
   * Alerts some owner has on that need a declared-absent input: not generated for any owner (their settings in
   * `owners` and `defaults` say off), in catalogue order.
   */
  notGenerated: readonly NotGenerated[];
  links: HeadroomConfig['links'];
  output: HeadroomConfig['output'];
  /** Alertmanager routing outputs; undefined: none. */
  routing: HeadroomConfig['routing'];
  defaultTeam: string;
  defaults: AlertSettings;
  /** Claiming teams in name order, then the catch-all owner. */
  owners: Owner[];
}
