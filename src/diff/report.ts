// What `headroom diff` found, as data: the formatters (text, markdown, json) only render it.
import type { BacktestComparison } from '../backtest/compare-rule-sets.ts';
import type { OwnerMoved } from './ownership-moves.ts';
import type { TeamRenamed } from './team-renames.ts';

/** One value that differs; `undefined` on a side means absent there. */
export interface ValueChange {
  name: string;
  old?: unknown;
  new?: unknown;
}

export interface Added<T> {
  added: T[];
  removed: T[];
}

export interface AlertChange {
  /** Alert name as in the rules, e.g. ContainerMemoryNearLimit. */
  alert: string;
  settings: ValueChange[];
}

export interface OwnerChange {
  /** Team name, or undefined for everything no team claims. */
  team: string | undefined;
  /** renamed: the same claims under a new name (see team-renames.ts); labels and alerts compare old name → new. */
  status: 'added' | 'removed' | 'changed' | 'renamed';
  /** The old name of a renamed team. */
  renamedFrom?: string;
  namespaces: Added<string>;
  nodes: Added<string>;
  /** Cluster scope of the claim before and after (empty: every cluster); undefined when unchanged. */
  clusters: { old: string[]; new: string[] } | undefined;
  labels: ValueChange[];
  /** For an added team: its settings that differ from the defaults (old = the default). */
  alerts: AlertChange[];
  /**
   * Where its alerts go, when the config routes: receiver and ticketReceiver (of its severity="info" alerts) as
   * routing resolves them, old → new. Empty for a removed or renamed team (the rename says it).
   */
  route: ValueChange[];
}

/** An alert `inputs.absent` starts or stops holding back (see src/model/not-generated.ts). */
export interface NotGeneratedChange {
  /** Its name, e.g. ContainerProcessOOMKilled. */
  alert: string;
  /**
   * held-back: not generated any more, for the declared-absent inputs `needs`; generated: held back before, now
   * generated for the teams that have it on; off: held back before, now off for every team anyway.
   */
  status: 'held-back' | 'generated' | 'off';
  needs: string[];
}

export interface SettingsChanges {
  /** defaultTeam, limitSource, selectors.*, links.*, prometheusRule.* */
  global: ValueChange[];
  defaults: AlertChange[];
  /** Alerts `inputs.absent` holds back or releases; their `enabled` changes are told here, not per team. */
  notGenerated: NotGeneratedChange[];
  owners: OwnerChange[];
  /** Teams renamed, then namespaces and nodes changing owner with what that changes for their alerts. */
  moves: (TeamRenamed | OwnerMoved)[];
  /** Team of the catch-all owner in the new tree (the old one where the new has none). */
  defaultTeam: string;
  /** Set when the old tree is from before headroom: every setting is new, shown from nothing. */
  introduced?: true;
  /**
   * Under namespace-label ownership (in the new tree), the label that names owners, as kube-state-metrics exports it.
   */
  namespaceLabel?: string;
}

export interface RuleId {
  kind: 'alert' | 'record';
  name: string;
  labels: Record<string, string>;
}

export interface RuleChange {
  rule: RuleId;
  status: 'added' | 'removed' | 'changed';
  /** expr, for, labels, annotation <name> */
  changes: ValueChange[];
}

/**
 * A rule output that appears or disappears: a ruler gets headroom's rules for the first time, or stops getting them.
 */
export interface RuleOutputChange {
  /**
   * What loads it and where, e.g. "Mimir/Cortex ruler namespace headroom (mimirtool), rule-files/mimir/headroom.yaml".
   */
  output: string;
  status: 'added' | 'removed';
  files: string[];
}

export interface PanelChange {
  panel: string;
  changes: ValueChange[];
}

export interface DashboardChange {
  uid: string;
  title: string;
  status: 'added' | 'removed' | 'changed';
  panels: Added<string>;
  changedPanels: PanelChange[];
  /** Dashboard-level: title, variables, other. */
  changes: ValueChange[];
}

export interface ObjectChange {
  /** kind namespace/name */
  object: string;
  status: 'added' | 'removed' | 'changed';
  changes: ValueChange[];
}

/** A team whose rules lie in other rule groups (so other PrometheusRule objects) than before. */
export interface RulesMoved {
  team: string;
  /** Groups that held rules of it and hold none now, and the reverse. */
  from: string[];
  to: string[];
}

export interface FileChange {
  path: string;
  status: 'added' | 'removed' | 'changed';
  added: number;
  removed: number;
  /** Unified diff (hunks with 3 lines of context); empty for a large added or removed file. */
  patch: string;
}

export interface Warning {
  kind:
    | 'alert-removed'
    | 'namespace-lost'
    | 'threshold-high'
    | 'for-long'
    | 'namespace-unowned'
    | 'identity-changed'
    | 'ownership-mode'
    | 'team-renamed'
    | 'severity-moved'
    | 'label-owner'
    | 'generated-drift';
  message: string;
}

/** A side's committed generated folder that is not what this headroom generates from that side's config. */
export interface GeneratedDrift {
  side: 'base' | 'work tree';
  /** The folder as the reviewer knows it: "generated/ at main", "generated/ in the work tree". */
  where: string;
  /** Whose config it was generated from: the ref, or "the work tree". */
  of: string;
  /** The committed folder → what this headroom generates from that config. */
  report: DiffReport;
}

export interface DiffReport {
  /** Something differs: the generated output of the two configs, or a committed folder from its config's output. */
  changed: boolean;
  warnings: Warning[];
  /** What could not be compared and why, e.g. an old tree without headroom-settings.yaml. */
  notes: string[];
  /** Undefined when either tree has no settings manifest. */
  settings: SettingsChanges | undefined;
  rules: RuleChange[];
  ruleOutputs: RuleOutputChange[];
  dashboards: DashboardChange[];
  objects: ObjectChange[];
  rulesMoved: RulesMoved[];
  files: FileChange[];
  /** Committed generated folders (at the base, in the work tree) that differ from this headroom's output. */
  drift: GeneratedDrift[];
  /** With --prometheus: the alerts whose rules changed, backtested with the old rules and the new. */
  backtest?: BacktestComparison;
}
