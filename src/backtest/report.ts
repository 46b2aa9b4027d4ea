// What a backtest found, per team (the alert's `team` label, as routing reads it) and alert: the alerts that fired
// (episodes that reached firing), those that only went pending, the time spent firing, each episode, and the
// containers, namespaces and nodes that fired longest. The formatters only render it.
import { byCodePoint } from '../values/ordering.ts';
import type { Backtest } from './backtest.ts';
import type { Episode, Labels } from './episodes.ts';

export interface EpisodeReport {
  /** What fired: the labels that tell this alert from its alert's others (cluster, namespace/pod/container, node…). */
  subject: string;
  severity?: string;
  labels: Labels;
  /** ISO times. pendingAt may be before the range: the episode started earlier. */
  pendingAt: string;
  firingAt?: string;
  /** When it resolved; absent while it still fires (or is pending) at the range's end. */
  endedAt?: string;
  /** Seconds firing within the range. */
  firingSeconds: number;
}

export interface Ranked {
  name: string;
  firingSeconds: number;
  /** Alerts (episodes that fired) of it. */
  alerts: number;
}

export interface AlertReport {
  /** The alert's team label; "(no team)" where it has none. */
  team: string;
  alert: string;
  /** Episodes that fired: the alerts a receiver got. */
  alerts: number;
  /** Episodes that went pending and ended without firing. */
  pendingOnly: number;
  firingSeconds: number;
  episodes: EpisodeReport[];
  top: { containers: Ranked[]; namespaces: Ranked[]; nodes: Ranked[] };
}

export interface BacktestReport {
  /** The store asked, without credentials. */
  store: string;
  range: { from: string; to: string; stepSeconds: number; interval: string };
  /** Alerting rules evaluated. */
  rules: number;
  queries: number;
  /** Teams, then alerts, sorted; only alerts that went pending at least once. */
  alerts: AlertReport[];
  /** Alerts of the config that never went pending in the range. */
  quiet: string[];
  /** Rules not backtested, or not to the end of the range, and why. */
  problems: string[];
}

const TOP = 5;

/** The team an alert went to, as routing reads it: its team label; "(no team)" where it has none. */
export function teamOf(labels: Labels): string {
  return labels.team ?? '(no team)';
}

export function backtestReport(
  result: Backtest,
  context: { store: string; interval: string; queries: number; clusterLabel?: string },
): BacktestReport {
  const { range } = result;
  const byAlert = new Map<string, { team: string; alert: string; episodes: Episode[] }>();
  for (const rule of result.rules) {
    for (const episode of rule.episodes) {
      const team = teamOf(episode.labels);
      const key = JSON.stringify([team, rule.alert]);
      const entry = byAlert.get(key) ?? { team, alert: rule.alert, episodes: [] };
      entry.episodes.push(episode);
      byAlert.set(key, entry);
    }
  }
  const firingSeconds = (episode: Episode) =>
    episode.firingAt === undefined
      ? 0
      : Math.max(0, (episode.endedAt ?? range.end) - Math.max(episode.firingAt, range.start));
  const alerts = [...byAlert.values()]
    .sort((a, b) => byCodePoint(a.team, b.team) || byCodePoint(a.alert, b.alert))
    .map(({ team, alert, episodes }): AlertReport => {
      const sorted = [...episodes].sort((a, b) => a.pendingAt - b.pendingAt);
      const fired = sorted.filter((episode) => episode.firingAt !== undefined);
      return {
        team,
        alert,
        alerts: fired.length,
        pendingOnly: sorted.length - fired.length,
        firingSeconds: fired.reduce((sum, episode) => sum + firingSeconds(episode), 0),
        episodes: sorted.map((episode) => ({
          subject: subjectOf(episode.labels, context.clusterLabel),
          ...(episode.labels.severity === undefined ? {} : { severity: episode.labels.severity }),
          labels: episode.labels,
          pendingAt: isoTime(episode.pendingAt),
          ...(episode.firingAt === undefined ? {} : { firingAt: isoTime(episode.firingAt) }),
          ...(episode.endedAt === undefined ? {} : { endedAt: isoTime(episode.endedAt) }),
          firingSeconds: firingSeconds(episode),
        })),
        top: {
          containers: ranked(fired, firingSeconds, (labels) => named(labels, CONTAINER, context.clusterLabel)),
          namespaces: ranked(fired, firingSeconds, (labels) => named(labels, ['namespace'], context.clusterLabel)),
          nodes: ranked(fired, firingSeconds, (labels) => named(labels, ['node'], context.clusterLabel)),
        },
      };
    });
  const pending = new Set(alerts.map((alert) => alert.alert));
  return {
    store: context.store,
    range: { from: isoTime(range.start), to: isoTime(range.end), stepSeconds: range.step, interval: context.interval },
    rules: result.rules.length,
    queries: context.queries,
    alerts,
    quiet: [...new Set(result.rules.map((rule) => rule.alert))].filter((alert) => !pending.has(alert)),
    problems: result.rules
      .filter((rule) => rule.problem !== undefined)
      .map(
        (rule) =>
          `${rule.alert} ${labelsText(rule.ruleLabels)}: ${rule.problem}` +
          (rule.coveredUntil === undefined ? '' : `; covered until ${isoTime(rule.coveredUntil)}`),
      ),
  };
}

const CONTAINER = ['namespace', 'pod', 'container'];
const POD = ['namespace', 'pod'];
/** Labels every alert of one alert name shares, or that only say which rule: not what tells its alerts apart. */
const ROUTING = new Set(['alertname', 'team', 'severity', 'for', 'window', 'lookback', 'horizon', 'threshold']);

/** `names`' values joined by `/`, the cluster's first where there is one; undefined where one of them is missing. */
function named(labels: Labels, names: readonly string[], clusterLabel: string | undefined): string | undefined {
  if (names.some((name) => labels[name] === undefined)) return undefined;
  const cluster = clusterLabel === undefined ? undefined : labels[clusterLabel];
  return [...(cluster === undefined ? [] : [cluster]), ...names.map((name) => labels[name]!)].join('/');
}

/** The container, pod, node or namespace an alert is about; else its labels but the routing ones. */
function subjectOf(labels: Labels, clusterLabel: string | undefined): string {
  for (const names of [CONTAINER, POD, ['node'], ['namespace']]) {
    const name = named(labels, names, clusterLabel);
    if (name !== undefined) return name;
  }
  const rest = Object.entries(labels).filter(([name]) => !ROUTING.has(name));
  return rest.map(([name, value]) => `${name}=${value}`).join(', ') || '(all)';
}

function ranked(
  episodes: Episode[],
  seconds: (episode: Episode) => number,
  nameOf: (labels: Labels) => string | undefined,
): Ranked[] {
  const totals = new Map<string, Ranked>();
  for (const episode of episodes) {
    const name = nameOf(episode.labels);
    if (name === undefined) continue;
    const entry = totals.get(name) ?? { name, firingSeconds: 0, alerts: 0 };
    entry.firingSeconds += seconds(episode);
    entry.alerts += 1;
    totals.set(name, entry);
  }
  return [...totals.values()]
    .sort((a, b) => b.firingSeconds - a.firingSeconds || b.alerts - a.alerts || byCodePoint(a.name, b.name))
    .slice(0, TOP);
}

function isoTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.000Z$/, 'Z');
}

function labelsText(labels: Labels): string {
  return `{${Object.entries(labels)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ')}}`;
}
