// Renames and ownership moves in sentences: where a namespace or node went, and what that changes for its alerts.
import type { OwnerMoved } from './ownership-moves.ts';
import type { AlertChange, ValueChange } from './report.ts';
import type { TeamRenamed } from './team-renames.ts';
import { changeText, labelValue } from './wording.ts';
import { byCodePoint } from '../ordering.ts';

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

/** "namespace payments-eu", "namespaces matching payments-* other than payments-eu", "node search-1". */
export function moveSubject(move: OwnerMoved): string {
  const [one, many] = move.kind === 'node-moved' ? ['node', 'nodes'] : ['namespace', 'namespaces'];
  const subject = /[*?]/.test(move.pattern) ? `${many} matching ${move.pattern}` : `${one} ${move.pattern}`;
  return move.except.length > 0 ? `${subject} other than ${move.except.join(', ')}` : subject;
}

/** "team payments", or the default team where nobody claims it. */
export function sideName(team: string, unclaimed: boolean): string {
  return unclaimed ? `the default team ${team} (unclaimed)` : `team ${team}`;
}

export function moveLines(move: OwnerMoved): string[] {
  const subject = moveSubject(move);
  const routing = [
    ...(move.labels.length > 0 ? [`labels ${move.labels.map(labelChangeText).join(', ')}`] : []),
    ...(move.receivers.length > 0 ? [move.receivers.map(changeText).join(', ')] : []),
  ];
  return [
    `${subject}: moved from ${sideName(move.from, move.fromUnclaimed)} to ${sideName(move.to, move.toUnclaimed)}`,
    ...(move.changes.length > 0 ? move.changes.map((alert) => `${subject}: ${alertChangeText(alert)}`) : [`${subject}: alert settings the same under both`]),
    `${subject}: severity now ${severitiesText(move.severities)}`,
    ...(routing.length > 0 ? [`${subject}: routing ${routing.join('; ')}`] : []),
  ];
}

export function alertChangeText(alert: AlertChange): string {
  return `${alert.alert} ${alert.settings.map(changeText).join(', ')}`;
}

function labelChangeText(change: ValueChange): string {
  return `${change.name} ${labelValue(change.old)} → ${labelValue(change.new)}`;
}

/** "critical: ContainerOOMKilled; warning: ContainerMemoryNearLimit, PodsEvicted; off: ContainerMemoryLeak". */
function severitiesText(severities: Record<string, string>): string {
  const groups = new Map<string, string[]>();
  for (const [alert, severity] of Object.entries(severities)) groups.set(severity, [...(groups.get(severity) ?? []), alert]);
  const rank = (severity: string) => (severity === 'off' ? SEVERITY_ORDER.length + 1 : SEVERITY_ORDER.indexOf(severity) === -1 ? SEVERITY_ORDER.length : SEVERITY_ORDER.indexOf(severity));
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || byCodePoint(a, b))
    .map(([severity, alerts]) => `${severity}: ${alerts.join(', ')}`)
    .join('; ');
}
