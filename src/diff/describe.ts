// The report in sentences, grouped into sections; the text and markdown formats lay the same lines out.
import type { BacktestComparison } from '../backtest/compare-rule-sets.ts';
import { labelsText } from './compare-rules.ts';
import { moveLines, renameLines } from './describe-moves.ts';
import type {
  AlertChange,
  DashboardChange,
  DiffReport,
  FileChange,
  ObjectChange,
  OwnerChange,
  RuleChange,
  RulesMoved,
  SettingsChanges,
  ValueChange,
} from './report.ts';
import { fallbackText } from './fallback.ts';
import { notGeneratedLine } from './not-generated.ts';
import { driftTitle } from './generated-drift.ts';
import { valueChanges } from './value-changes.ts';
import { changeText, labelValue, ownerName, plural, shownValue } from './wording.ts';

export interface Section {
  title: string;
  lines: string[];
}

export interface Description {
  headline: string;
  warnings: string[];
  notes: string[];
  sections: Section[];
}

export function describe(report: DiffReport, comparing: string): Description {
  const sections: Section[] = [
    { title: 'Teams and settings', lines: report.settings ? settingsLines(report.settings) : [] },
    {
      title: 'Namespaces and nodes changing team',
      lines: (report.settings?.moves ?? []).flatMap((move) => (move.kind === 'team-renamed' ? [] : moveLines(move))),
    },
    { title: 'Rule outputs', lines: report.ruleOutputs.map((change) => `${change.status} ${change.output}`) },
    { title: 'Rules', lines: report.rules.map(ruleLine) },
    ...(report.backtest === undefined ? [] : [backtestSection(report.backtest)]),
    { title: 'Dashboards', lines: report.dashboards.flatMap(dashboardLines) },
    {
      title: 'Kubernetes objects',
      lines: [...report.objects.map(objectLine), ...report.rulesMoved.map(rulesMovedLine)],
    },
    { title: 'Files', lines: report.files.map(fileLine) },
    ...report.drift.map((drift) => {
      // At the base, what this headroom changes (an upgrade under review) in full; in the work tree, the files to
      // regenerate: their changes are the config's, listed above.
      const inner = describe(drift.report, drift.where);
      const lines =
        drift.side === 'base' ? inner.sections.flatMap((section) => section.lines) : drift.report.files.map(fileLine);
      return { title: driftTitle(drift), lines: [...inner.notes.map((note) => `note: ${note}`), ...lines] };
    }),
  ].filter((section) => section.lines.length > 0);
  return {
    headline: headline(report, comparing),
    warnings: report.warnings.map((warning) => warning.message),
    notes: report.notes,
    sections,
  };
}

/** Per team and alert whose rules changed: "last 7 days: N alerts before → M after". */
function backtestSection(comparison: BacktestComparison): Section {
  const last = `last ${sinceText(comparison.since)}`;
  const quiet = comparison.changed.filter((alert) => !comparison.counts.some((count) => count.alert === alert));
  return {
    title: `Alerts whose rules changed, backtested against ${comparison.store}`,
    lines: [
      ...comparison.counts.map(
        (count) =>
          `${count.team} ${count.alert}: ${last}: ${plural(count.before, 'alert')} before → ${count.after} after`,
      ),
      ...quiet.map((alert) => `${alert}: ${last}: no alerts before or after`),
      ...(comparison.changed.length === 0 ? ["no alert's rules changed: nothing to backtest"] : []),
      ...comparison.problems.map((problem) => `not backtested in full: ${problem}`),
    ],
  };
}

const UNITS: Record<string, string> = { y: 'year', w: 'week', d: 'day', h: 'hour', m: 'minute', s: 'second' };

/** `7d` → `7 days`, `1h` → `1 hour`; a duration of several units as it is. */
function sinceText(since: string): string {
  const match = /^(\d+)([ywdhms])$/.exec(since);
  return match ? plural(Number(match[1]), UNITS[match[2]!]!) : since;
}

function headline(report: DiffReport, comparing: string): string {
  if (!report.changed) return `headroom diff ${comparing}: no changes`;
  const drift = report.drift.map((found) => `${found.where} is not this headroom's output`);
  if (report.files.length === 0)
    return `headroom diff ${comparing}: the configs generate the same; ${drift.join('; ')}`;
  const added = report.files.reduce((sum, file) => sum + file.added, 0);
  const removed = report.files.reduce((sum, file) => sum + file.removed, 0);
  const parts = [
    ...(report.settings ? [plural(report.settings.owners.length, 'team')] : []),
    plural(report.rules.length, 'rule'),
    plural(report.dashboards.length, 'dashboard'),
  ];
  return (
    `headroom diff ${comparing}: ${parts.join(', ')} changed; ${plural(report.files.length, 'file')} (+${added} ` +
    `−${removed})${drift.map((text) => `; ${text}`).join('')}`
  );
}

/** Manifest keys of settings shown under the name the config gives them. */
const CONFIG_KEYS: Record<string, string> = {
  clusterLabel: 'cluster.label',
  'routing.routeFile': 'routing.routeFile.enabled',
};
/** What a change introducing headroom shows of the config: who owns what; the rest is in headroom-settings.yaml. */
const INTRODUCED_CONFIG = new Set(['clusterLabel', 'ownership']);

function settingsLines(settings: SettingsChanges): string[] {
  if (settings.introduced) return introducedLines(settings);
  return [
    ...settings.global.map(
      (change) => `config: ${changeText({ ...change, name: CONFIG_KEYS[change.name] ?? change.name })}`,
    ),
    ...settings.notGenerated.map(notGeneratedLine),
    ...settings.defaults.map((alert) => `defaults: ${alertText(alert)}`),
    ...settings.owners.flatMap((owner) => [
      ...settings.moves.flatMap((move) =>
        move.kind === 'team-renamed' && owner.status === 'renamed' && move.to === owner.team ? renameLines(move) : [],
      ),
      ...ownerLines(owner, settings.defaultTeam),
    ]),
  ];
}

/** The change that introduces headroom: who owns what, where alerts go, and the settings, all as they will be. */
function introducedLines(settings: SettingsChanges): string[] {
  const fallback = { defaultTeam: settings.defaultTeam, label: settings.namespaceLabel };
  const unclaimed = settings.owners.find((owner) => owner.team === undefined);
  const unclaimedName = ownerName(undefined, settings.defaultTeam);
  return [
    `config: defaultTeam ${settings.defaultTeam}`,
    ...settings.global
      .filter((change) => INTRODUCED_CONFIG.has(change.name))
      .map((change) => `config: ${CONFIG_KEYS[change.name] ?? change.name} ${shownValue(change.name, change.new)}`),
    ...settings.notGenerated.map(notGeneratedLine),
    ...settings.defaults.map((alert) => `defaults: ${alert.alert} ${alert.settings.map(newSettingText).join(', ')}`),
    ...settings.owners
      .filter((owner) => owner.team !== undefined)
      .flatMap((owner) => ownerLines(owner, settings.defaultTeam)),
    ...(fallback.label === undefined
      ? [`namespaces and nodes no team file claims: ${fallbackText(fallback)}`]
      : [
          `namespaces no team file claims: ${fallbackText(fallback)}`,
          `nodes no team file claims: ${fallbackText({ ...fallback, label: undefined })}`,
        ]),
    ...(unclaimed && unclaimed.labels.length > 0
      ? [`${unclaimedName}: labels ${unclaimed.labels.map(newLabelText).join(', ')}`]
      : []),
    ...(unclaimed ? unclaimed.alerts.map((alert) => `${unclaimedName}: ${alertText(alert, true)}`) : []),
    ...(unclaimed && unclaimed.route.length > 0 ? [`${unclaimedName}: ${routeText(unclaimed.route, true)}`] : []),
  ];
}

function ownerLines(owner: OwnerChange, defaultTeam: string): string[] {
  const name = ownerName(owner.team, defaultTeam);
  const route = owner.route.length > 0 ? [`${name}: ${routeText(owner.route, owner.status === 'added')}`] : [];
  if (owner.status === 'removed')
    return [`${name}: removed${parenthesised(claims(owner.namespaces.removed, owner.nodes.removed), 'owned')}`];
  if (owner.status === 'added') {
    const owns = claims(owner.namespaces.added, owner.nodes.added);
    return [
      `${name}: added${owns ? `, owns ${owns}` : ''}${clustersOf(owner.clusters?.new ?? [])}`,
      ...(owner.labels.length > 0 ? [`${name}: labels ${owner.labels.map(newLabelText).join(', ')}`] : []),
      ...owner.alerts.map((alert) => `${name}: ${alertText(alert, true)}`),
      ...route,
    ];
  }
  return [
    ...ownershipLine(name, 'namespaces', owner.namespaces),
    ...ownershipLine(name, 'nodes', owner.nodes),
    ...clusterScopeLine(name, owner.clusters),
    ...(owner.labels.length > 0
      ? [`${name}: ${owner.labels.map((label) => `label ${labelChange(label)}`).join(', ')}`]
      : []),
    ...owner.alerts.map((alert) => `${name}: ${alertText(alert)}`),
    ...route,
  ];
}

/** "receiver a → b, ticketReceiver a → c"; for an owner that is new, where its alerts go: "receiver a, " +
  "ticketReceiver c". */
function routeText(route: ValueChange[], fresh: boolean): string {
  return route
    .map((change) => (fresh ? `${change.name} ${shownValue(change.name, change.new)}` : changeText(change)))
    .join(', ');
}

/** "namespaces a, b; nodes c" — what a team claims or claimed. */
function claims(namespaces: string[], nodes: string[]): string {
  return [
    namespaces.length > 0 ? `namespaces ${namespaces.join(', ')}` : '',
    nodes.length > 0 ? `nodes ${nodes.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

function parenthesised(text: string, word: string): string {
  return text ? ` (${word} ${text})` : '';
}

function ownershipLine(
  name: string,
  what: string,
  { added, removed }: { added: string[]; removed: string[] },
): string[] {
  const parts = [
    added.length > 0 ? `added ${added.join(', ')}` : '',
    removed.length > 0 ? `removed ${removed.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? [`${name}: ${what} ${parts.join('; ')}`] : [];
}

/** A claim's cluster scope, old → new; an empty list means every cluster. */
function clusterScopeLine(name: string, clusters: { old: string[]; new: string[] } | undefined): string[] {
  if (!clusters) return [];
  const scope = (list: string[]) => (list.length === 0 ? 'every cluster' : list.join(', '));
  return [`${name}: claims hold in ${scope(clusters.old)} → ${scope(clusters.new)}`];
}

function alertText(alert: AlertChange, againstDefaults = false): string {
  return (
    `${alert.alert} ` +
    `${alert.settings.map((change) => (againstDefaults ? defaultedText(change) : changeText(change))).join(', ')}`
  );
}

function defaultedText(change: ValueChange): string {
  if (change.name === 'enabled' && typeof change.new === 'boolean')
    return change.new ? 'on (default off)' : 'off (default on)';
  return `${change.name} ${shownValue(change.name, change.new)} (default ${shownValue(change.name, change.old)})`;
}

function ruleLine(change: RuleChange): string {
  const id =
    `${change.rule.kind === 'record' ? 'recording rule ' : ''}${change.rule.name} ` +
    `${labelsText(change.rule.labels)}`;
  if (change.status !== 'changed') return `${id}: ${change.status}`;
  return `${id}: ${change.changes.map(ruleChangeText).join(', ')}`;
}

function ruleChangeText(change: ValueChange): string {
  if (change.name === 'expr') return 'expression changed';
  if (change.name === 'labels') {
    return valueChanges(change.old, change.new)
      .map((label) => `label ${label.name} ${labelValue(label.old)} → ${labelValue(label.new)}`)
      .join(', ');
  }
  if (change.name === 'for') return changeText(change);
  const short = (value: unknown) =>
    value === undefined || (typeof value === 'string' && value.length <= 80 && !value.includes('\n'));
  if (short(change.old) && short(change.new))
    return `${change.name} ${labelValue(change.old)} → ${labelValue(change.new)}`;
  return `${change.name} changed`;
}

function dashboardLines(change: DashboardChange): string[] {
  const name = `dashboard "${change.title}" (${change.uid})`;
  if (change.status === 'added') return [`${name}: added, ${plural(change.panels.added.length, 'panel')}`];
  if (change.status === 'removed') return [`${name}: removed`];
  const quoted = (panels: string[]) => panels.map((panel) => `"${panel}"`).join(', ');
  const lines: string[] = [];
  if (change.changes.length > 0) {
    lines.push(`${name}: ${change.changes.map(valueChangeText).join(', ')}`);
  }
  if (change.panels.added.length > 0) lines.push(`${name}: panels added ${quoted(change.panels.added)}`);
  if (change.panels.removed.length > 0) lines.push(`${name}: panels removed ${quoted(change.panels.removed)}`);
  for (const panel of change.changedPanels) {
    const what = panel.changes.map((c) => {
      if (c.name === 'thresholds') return `thresholds ${listText(c.old)} → ${listText(c.new)}`;
      if (c.name === 'title') return `title "${String(c.old)}" → "${String(c.new)}"`;
      return `${c.name === 'other' ? 'other settings' : c.name} changed`;
    });
    lines.push(`${name}: panel "${panel.panel}" ${what.join(', ')}`);
  }
  return lines;
}

function listText(value: unknown): string {
  return Array.isArray(value) && value.length > 0 ? value.map(String).join(', ') : '(none)';
}

function objectLine(change: ObjectChange): string {
  if (change.status !== 'changed') return `${change.object}: ${change.status}`;
  return `${change.object}: metadata ${change.changes.map(labelChange).join(', ')}`;
}

function rulesMovedLine({ team, from, to }: RulesMoved): string {
  return `team ${team}: rules move from ${from.join(', ')} to ${to.join(', ')} (other rule groups and objects)`;
}

function fileLine(change: FileChange): string {
  return `${change.status} ${change.path} (+${change.added} −${change.removed})`;
}

/** `slack_channel=#payments`: a label as it now is. */
function newLabelText(label: ValueChange): string {
  return `${label.name}=${labelValue(label.new)}`;
}

/** `slack_channel #payments → #pay`: a label or metadata value that changed. */
function labelChange(change: ValueChange): string {
  return `${change.name} ${labelValue(change.old)} → ${labelValue(change.new)}`;
}

/** `threshold 90%`, or on/off for `enabled`: a default setting as it now is. */
function newSettingText(change: ValueChange): string {
  if (change.name === 'enabled') return change.new ? 'on' : 'off';
  return `${change.name} ${shownValue(change.name, change.new)}`;
}

/** ` in clusters a, b`; nothing for every cluster. */
function clustersOf(clusters: readonly string[]): string {
  return clusters.length > 0 ? ` in clusters ${clusters.join(', ')}` : '';
}

/** `threshold 85% → 90%`, or "changed" where both values are unknown (a value too long to show). */
function valueChangeText(change: ValueChange): string {
  return change.old === undefined && change.new === undefined ? `${change.name} changed` : changeText(change);
}
