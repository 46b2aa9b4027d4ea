// Prometheus' `for`, evaluation by evaluation, and the episodes it gives: pending from the first evaluation that
// returns a label set, firing once active for at least `for` (at once without), ended at the first that does not.
import { describe, expect, it } from 'vitest';
import { AlertStates } from '../../src/backtest/alert-states.ts';
import { EpisodeRecorder, labelKey, type Labels } from '../../src/backtest/episodes.ts';

const a: Labels = { alertname: 'X', pod: 'a' };
const b: Labels = { alertname: 'X', pod: 'b' };

/** Episodes of `timeline` (per evaluation every 5 s from 0: the label sets returned) under `for` = holdSeconds. */
function episodes(holdSeconds: number, timeline: Labels[][]) {
  const states = new AlertStates(holdSeconds);
  const recorder = new EpisodeRecorder();
  const seen: string[][] = [];
  timeline.forEach((returned, i) => {
    const present = states.evaluate(i * 5, new Map(returned.map((labels) => [labelKey(labels), labels])));
    seen.push([...present.values()].map((alert) => `${alert.labels.pod}:${alert.state}`));
    recorder.observe(i * 5, present);
  });
  return { states: seen, episodes: recorder.episodes() };
}

describe('for, evaluation by evaluation', () => {
  it('pending from the first evaluation, firing once active for `for`, resolved at the first absence', () => {
    const run = episodes(15, [[], [a], [a], [a], [a], [a], []]);
    expect(run.states).toEqual([[], ['a:pending'], ['a:pending'], ['a:pending'], ['a:firing'], ['a:firing'], []]);
    expect(run.episodes).toEqual([{ labels: a, pendingAt: 5, firingAt: 20, endedAt: 30 }]);
  });

  it('fires at the first evaluation without `for`', () => {
    expect(episodes(0, [[a], [a], []]).episodes).toEqual([{ labels: a, pendingAt: 0, firingAt: 0, endedAt: 10 }]);
  });

  it('an absence while pending starts `for` over; one while firing ends the alert, and a return is a new one', () => {
    const run = episodes(10, [[a], [a], [], [a], [a], [a], [], [a]]);
    expect(run.episodes).toEqual([
      { labels: a, pendingAt: 0, endedAt: 10 },
      { labels: a, pendingAt: 15, firingAt: 25, endedAt: 30 },
      { labels: a, pendingAt: 35 },
    ]);
  });

  it('keeps label sets apart', () => {
    const run = episodes(5, [[a], [a, b], [b], []]);
    expect(run.states).toEqual([['a:pending'], ['a:firing', 'b:pending'], ['b:firing'], []]);
    expect(run.episodes).toEqual([
      { labels: a, pendingAt: 0, firingAt: 5, endedAt: 10 },
      { labels: b, pendingAt: 5, firingAt: 10, endedAt: 15 },
    ]);
  });

  it('a ruler that shows an alert firing at once (no pending seen) gives one episode that fired then', () => {
    const recorder = new EpisodeRecorder();
    recorder.observe(0, new Map([[labelKey(a), { labels: a, state: 'firing' as const }]]));
    recorder.observe(5, new Map());
    expect(recorder.episodes()).toEqual([{ labels: a, pendingAt: 0, firingAt: 0, endedAt: 5 }]);
  });
});
