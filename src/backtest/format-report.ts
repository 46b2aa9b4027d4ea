// backtest's report in the three formats of headroom's commands: text for a terminal, markdown for a CI comment, JSON
// (every episode) for tools. Text and markdown list the first episodes of each alert and say how many more JSON has.
import type { AlertReport, BacktestReport, EpisodeReport, Ranked } from './report.ts';
import { escapeMarkdown } from '../values/markdown.ts';

export type ReportFormat = 'text' | 'markdown' | 'json';

/** Episodes listed per alert in text and markdown. */
const SHOWN_EPISODES = 10;

export function formatReport(report: BacktestReport, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  return format === 'markdown' ? markdown(report) : text(report);
}

function headline(report: BacktestReport): string {
  const fired = report.alerts.reduce((sum, alert) => sum + alert.alerts, 0);
  const teams = new Set(report.alerts.filter((alert) => alert.alerts > 0).map((alert) => alert.team)).size;
  return (
    `${fired} ${fired === 1 ? 'alert' : 'alerts'} of ${teams} ${teams === 1 ? 'team' : 'teams'} from ` +
    `${shownTime(report.range.from)} to ${shownTime(report.range.to)}, every ${duration(report.range.stepSeconds)} ` +
    `(${report.rules} rules evaluated at a ${report.range.interval} interval; ${report.queries} queries to ` +
    `${report.store})`
  );
}

function alertLine(alert: AlertReport): string {
  const pending = alert.pendingOnly > 0 ? `; ${alert.pendingOnly} more only pending` : '';
  return (
    `${alert.alert}: ${alert.alerts} ${alert.alerts === 1 ? 'alert' : 'alerts'}, firing ` +
    `${duration(alert.firingSeconds)} in all${pending}`
  );
}

function episodeLine(episode: EpisodeReport): string {
  const steps = [`pending ${shownTime(episode.pendingAt)}`];
  if (episode.firingAt !== undefined) steps.push(`firing ${shownTime(episode.firingAt)}`);
  steps.push(episode.endedAt === undefined ? 'still active' : `resolved ${shownTime(episode.endedAt)}`);
  const firing = episode.firingAt === undefined ? '' : ` (${duration(episode.firingSeconds)} firing)`;
  const severity = episode.severity === undefined ? '' : ` [${episode.severity}]`;
  return `${episode.subject}${severity}: ${steps.join(' → ')}${firing}`;
}

function topLines(alert: AlertReport): string[] {
  const line = (what: string, ranked: Ranked[]) =>
    ranked.length === 0
      ? []
      : [
          `top ${what}: ${ranked
            .map((entry) => `${entry.name} (${duration(entry.firingSeconds)}, ${entry.alerts})`)
            .join(', ')}`,
        ];
  return [
    ...line('containers', alert.top.containers),
    ...line('namespaces', alert.top.namespaces),
    ...line('nodes', alert.top.nodes),
  ];
}

function more(alert: AlertReport): string[] {
  const left = alert.episodes.length - SHOWN_EPISODES;
  return left > 0 ? [`… ${left} more episodes (--format json lists them all)`] : [];
}

function footer(report: BacktestReport): string[] {
  return [
    ...(report.quiet.length > 0 ? [`Never pending: ${report.quiet.join(', ')}`] : []),
    ...report.problems.map((problem) => `Not backtested in full: ${problem}`),
  ];
}

function teams(report: BacktestReport): Map<string, AlertReport[]> {
  const byTeam = new Map<string, AlertReport[]>();
  for (const alert of report.alerts) byTeam.set(alert.team, [...(byTeam.get(alert.team) ?? []), alert]);
  return byTeam;
}

function text(report: BacktestReport): string {
  const lines = [`headroom backtest: ${headline(report)}`];
  for (const [team, alerts] of teams(report)) {
    lines.push('', `${team}:`);
    for (const alert of alerts) {
      lines.push(`  ${alertLine(alert)}`);
      for (const line of topLines(alert)) lines.push(`    ${line}`);
      for (const episode of alert.episodes.slice(0, SHOWN_EPISODES)) lines.push(`    - ${episodeLine(episode)}`);
      for (const line of more(alert)) lines.push(`    ${line}`);
    }
  }
  const notes = footer(report);
  if (notes.length > 0) lines.push('', ...notes);
  return `${lines.join('\n')}\n`;
}

function markdown(report: BacktestReport): string {
  const lines = [`### headroom backtest`, '', escapeMarkdown(headline(report))];
  for (const [team, alerts] of teams(report)) {
    lines.push('', `**${escapeMarkdown(team)}**`, '');
    for (const alert of alerts) {
      lines.push(`- ${escapeMarkdown(alertLine(alert))}`);
      for (const line of topLines(alert)) lines.push(`  - ${escapeMarkdown(line)}`);
      if (alert.episodes.length > 0) {
        lines.push('  <details><summary>episodes</summary>', '');
        for (const episode of alert.episodes.slice(0, SHOWN_EPISODES))
          lines.push(`  - ${escapeMarkdown(episodeLine(episode))}`);
        for (const line of more(alert)) lines.push(`  - ${escapeMarkdown(line)}`);
        lines.push('', '  </details>');
      }
    }
  }
  const notes = footer(report);
  if (notes.length > 0) lines.push('', ...notes.map((note) => `> ${escapeMarkdown(note)}`));
  return `${lines.join('\n')}\n`;
}

/** `2026-05-01 12:00:00Z`: an ISO time with a space for the T. */
function shownTime(iso: string): string {
  return iso.replace('T', ' ');
}

/** `2h 10m`, `45s`, `3d 4h`: the two largest units. */
function duration(seconds: number): string {
  const units: [string, number][] = [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ];
  const parts: string[] = [];
  let left = Math.round(seconds);
  for (const [unit, size] of units) {
    if (left >= size || (unit === 's' && parts.length === 0)) {
      parts.push(`${Math.floor(left / size)}${unit}`);
      left %= size;
    }
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}
