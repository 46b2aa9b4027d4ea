// Backtested episodes against those a ruler fired, per alert label set, in order: the same number, each pending,
// firing and resolved within `tolerance` seconds of the other's, firing on both sides or on neither.
//
// The tolerance is one evaluation interval, for what no backtest can know: the ruler evaluates at its own offset
// within the interval (the backtest on the grid of the step), a scrape appended while an evaluation runs is seen by
// the next, and a rule group reads the ownership another group recorded at its last evaluation. Edges: both sides
// are read from the range's start (an episode already running then starts there on both); an episode that starts
// within the tolerance of the range's end, or ends within it of the start, may be on one side only; one still
// running at the end may have ended at the last step on the other side.
import { type Episode, labelKey } from '../../../src/backtest/episodes.ts';
import type { BacktestRange } from '../../../src/backtest/time-range.ts';

export function episodeDifferences(
  fired: readonly Episode[],
  backtested: readonly Episode[],
  range: BacktestRange,
  tolerance: number,
): string[] {
  const clip = (episode: Episode): Episode => ({
    ...episode,
    pendingAt: Math.max(episode.pendingAt, range.start),
    ...(episode.firingAt === undefined ? {} : { firingAt: Math.max(episode.firingAt, range.start) }),
  });
  const byKey = (episodes: readonly Episode[]) => {
    const map = new Map<string, Episode[]>();
    for (const episode of episodes.map(clip)) {
      const key = labelKey(episode.labels);
      map.set(key, [...(map.get(key) ?? []), episode]);
    }
    for (const list of map.values()) list.sort((a, b) => a.pendingAt - b.pendingAt);
    return map;
  };
  const [real, replayed] = [byKey(fired), byKey(backtested)];
  const atEdge = (episode: Episode) =>
    episode.pendingAt >= range.end - tolerance ||
    (episode.endedAt !== undefined && episode.endedAt <= range.start + tolerance);
  const problems: string[] = [];
  for (const key of [...new Set([...real.keys(), ...replayed.keys()])].sort()) {
    const left = (real.get(key) ?? []).filter((episode) => !atEdge(episode));
    const right = (replayed.get(key) ?? []).filter((episode) => !atEdge(episode));
    if (left.length !== right.length) {
      problems.push(
        `${key}: ${left.length} episode(s) fired, ${right.length} backtested\n` +
          `  fired:      ${left.map((episode) => shown(episode, range)).join('; ')}\n` +
          `  backtested: ${right.map((episode) => shown(episode, range)).join('; ')}`,
      );
      continue;
    }
    for (const [i, was] of left.entries()) {
      const is = right[i]!;
      const off = (a: number | undefined, b: number | undefined, end: boolean) => {
        if (a === undefined && b === undefined) return false;
        // Still running at the end on one side, ended at the last step on the other.
        if (end && (a === undefined || b === undefined)) return (a ?? b)! < range.end - tolerance;
        if (a === undefined || b === undefined) return true;
        return Math.abs(a - b) > tolerance;
      };
      if (
        off(was.pendingAt, is.pendingAt, false) ||
        off(was.firingAt, is.firingAt, false) ||
        off(was.endedAt, is.endedAt, true)
      )
        problems.push(`${key}: fired ${shown(was, range)}, backtested ${shown(is, range)}`);
    }
  }
  return problems;
}

/** `+35s pending, +50s firing, +95s ended`: seconds after the range's start. */
function shown(episode: Episode, range: BacktestRange): string {
  const at = (time: number) => `+${time - range.start}s`;
  return [
    `${at(episode.pendingAt)} pending`,
    ...(episode.firingAt === undefined ? [] : [`${at(episode.firingAt)} firing`]),
    episode.endedAt === undefined ? 'running' : `${at(episode.endedAt)} ended`,
  ].join(', ');
}
