// The alert episodes a Prometheus actually had, from its own ALERTS series (one per alert and state, written at every
// evaluation it is pending or firing, stale-marked at the first it is not), read on the backtest's grid and turned
// into episodes by the backtest's own recorder: the two sides are then compared episode by episode (episode-match.ts).
// The tunable alerts only, as backtest evaluates them (headroom's alerts about itself are not backtested).
import { type Episode, EpisodeRecorder, labelKey, type Labels, type Present } from '../../../src/backtest/episodes.ts';
import { type BacktestRange, stepsOf, toMillisecond } from '../../../src/backtest/time-range.ts';
import { queryApi } from '../../../src/doctor/query-api.ts';
import { ALERTS } from '../../../src/alerts/catalogue.ts';

const TUNABLE: ReadonlySet<string> = new Set(ALERTS.map((alert) => alert.name));

export async function firedEpisodes(url: string, range: BacktestRange): Promise<Episode[]> {
  const api = queryApi({ url, env: {} });
  const present = new Map<number, Map<string, Present>>(stepsOf(range).map((time) => [time, new Map()]));
  for (const series of await api.queryRange('ALERTS', range)) {
    const { __name__: _name, alertstate, ...labels } = series.labels as Labels;
    if (!TUNABLE.has(labels.alertname ?? '')) continue;
    const state = alertstate === 'firing' ? 'firing' : 'pending';
    const key = labelKey(labels);
    for (const point of series.points) {
      const atStep = present.get(toMillisecond(point.time));
      // Firing wins over pending at one step (a transition seen through the lookback).
      if (atStep !== undefined && atStep.get(key)?.state !== 'firing') atStep.set(key, { labels, state });
    }
  }
  const recorder = new EpisodeRecorder();
  for (const [time, alerts] of present) recorder.observe(time, alerts);
  return recorder.episodes();
}
