// Renames and ownership moves in sentences: where a namespace or node went, and what that changes for its alerts.
import type { OwnerMoved } from './ownership-moves.ts';
import type { AlertChange, ValueChange } from './report.ts';
import type { TeamRenamed } from './team-renames.ts';
import { changeText, labelValue } from './wording.ts';
import { byCodePoint } from '../values/ordering.ts';

/** Severities in the order a reviewer weighs them; any other value after these, "off" last. */
const SEVERITY_ORDER = ['critical', 'warning', 'info'];

/** `team "payments" renamed to "payments-core" (same claims: namespaces payments, payments-eu)` — the rule in words. */
export function renameLines(rename: TeamRenamed): string[] {
  const claims = [
    rename.namespaces.length > 0 ? `namespaces ${rename.namespaces.join(', ')}` : '',
    rename.nodes.length > 0 ? `nodes ${rename.nodes.join(', ')}` : '',
    rename.clusters.length > 0 ? `in clusters ${rename.clusters.join(', ')}` : '',
  ].filter(Boolean);
  return [
    `team "${rename.from}" renamed to "${rename.to}" (same claims: ${claims.join('; ')})`,
    ...(rename.receivers.length > 0 ? [`team ${rename.to}: ${rename.receivers.map(changeText).join(', ')}`] : []),
  ];
}

/**
 * "namespace payments-eu", "namespaces matching payments-* other than payments-eu", "node search-1", with the clusters
 * where the move happens when not every cluster: "namespace payments-eu in clusters prod-* other than prod-eu-1".
 */
export function moveSubject(move: OwnerMoved): string {
  const [one, many] = move.kind === 'node-moved' ? ['node', 'nodes'] : ['namespace', 'namespaces'];
  const subject = /[*?]/.test(move.pattern) ? `${many} matching ${move.pattern}` : `${one} ${move.pattern}`;
  const names = move.except.length > 0 ? `${subject} other than ${move.except.join(', ')}` : subject;
  return `${names}${clustersText(move.clusters, move.exceptClusters)}`;
}

/** " in clusters a-*", " outside clusters b", " in clusters a-* other than a-1", or nothing for every cluster. */
export function clustersText(clusters: readonly string[], exceptClusters: readonly string[]): string {
  if (clusters.length === 0) return exceptClusters.length > 0 ? ` outside clusters ${exceptClusters.join(', ')}` : '';
  const except = exceptClusters.length > 0 ? ` other than ${exceptClusters.join(', ')}` : '';
  return ` in clusters ${clusters.join(', ')}${except}`;
}

/**
 * "team payments"; where nobody claims it, the default team, or under namespace-label ownership the label's team
 * and the default team only where the label names no team in scope.
 */
function sideName(team: string, unclaimed: boolean, label?: string): string {
  if (!unclaimed) return `team ${team}`;
  if (label === undefined) return `the default team ${team} (unclaimed)`;
  return `the team its ${label} label names (the default team ${team} where it names no team in scope)`;
}

export function moveLines(move: OwnerMoved): string[] {
  const subject = moveSubject(move);
  // Under label ownership the settings are known only where the default team gets (or had) the namespace.
  const settingsSubject =
    move.namespaceLabel === undefined
      ? subject
      : `${subject} where its ${move.namespaceLabel} label names no team in scope`;
  const routing = [
    ...(move.labels.length > 0 ? [`labels ${move.labels.map(labelChangeText).join(', ')}`] : []),
    ...(move.receivers.length > 0 ? [move.receivers.map(changeText).join(', ')] : []),
  ];
  return [
    `${subject}: moved from ${fromName(move)} to ${toName(move)}`,
    ...(move.changes.length > 0
      ? move.changes.map((alert) => `${settingsSubject}: ${alertChangeText(alert)}`)
      : [`${settingsSubject}: alert settings the same under both`]),
    `${settingsSubject}: severity now ${severitiesText(move.severities)}`,
    ...(routing.length > 0 ? [`${settingsSubject}: routing ${routing.join('; ')}`] : []),
  ];
}

export function fromName(move: OwnerMoved): string {
  return sideName(move.from, move.fromUnclaimed, move.fromUnclaimed ? move.namespaceLabel : undefined);
}

export function toName(move: OwnerMoved): string {
  return sideName(move.to, move.toUnclaimed, move.toUnclaimed ? move.namespaceLabel : undefined);
}

function alertChangeText(alert: AlertChange): string {
  return `${alert.alert} ${alert.settings.map(changeText).join(', ')}`;
}

function labelChangeText(change: ValueChange): string {
  return `${change.name} ${labelValue(change.old)} → ${labelValue(change.new)}`;
}

/** "critical: ContainerOOMKilled; warning: ContainerMemoryNearLimit, PodsEvicted; off: ContainerMemoryLeak". */
function severitiesText(severities: Record<string, string>): string {
  const groups = new Map<string, string[]>();
  for (const [alert, severity] of Object.entries(severities))
    groups.set(severity, [...(groups.get(severity) ?? []), alert]);
  const rank = (severity: string) =>
    severity === 'off'
      ? SEVERITY_ORDER.length + 1
      : SEVERITY_ORDER.indexOf(severity) === -1
        ? SEVERITY_ORDER.length
        : SEVERITY_ORDER.indexOf(severity);
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || byCodePoint(a, b))
    .map(([severity, alerts]) => `${severity}: ${alerts.join(', ')}`)
    .join('; ');
}
