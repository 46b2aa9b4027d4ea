// Duration settings are bounded by their use: `for` 0s to 1w, ranges (windows, the leak lookback) above 0 up to 1d,
// the leak horizon above 0 up to 4w; the syntax is Prometheus'.
import { describe, expect, it } from 'vitest';
import { forDuration, horizonDuration, rangeDuration } from '../../src/values/duration-setting.ts';

const message = (schema: typeof forDuration, text: string) => schema.safeParse(text).error?.issues[0]?.message;

describe('for', () => {
  it.each(['0s', '500ms', '5m30s', '1h', '6d23h59m59s', '1w'])('accepts %s', (text) =>
    expect(message(forDuration, text)).toBeUndefined(),
  );
  it.each([
    ['1w1ms', /must be at most 1w/],
    ['1y', /must be at most 1w/],
    ['999999999999y', /must be at most 1w/],
    ['-5m', /must be a Prometheus duration/],
    ['', /must be a Prometheus duration/],
  ])('refuses %s', (text, expected) => expect(message(forDuration, text)).toMatch(expected));
});

describe('ranges: windows and the leak lookback', () => {
  for (const [name, schema] of [
    ['window', rangeDuration],
    ['lookback', rangeDuration],
  ] as const) {
    it.each(['1ms', '500ms', '10m', '1d'])(`${name} accepts %s`, (text) =>
      expect(message(schema, text)).toBeUndefined(),
    );
    it.each([
      ['0s', /must be longer than 0/],
      ['0m0s', /must be longer than 0/],
      ['1d1s', /must be at most 1d/],
      ['1y', /must be at most 1d/],
    ])(`${name} refuses %s`, (text, expected) => expect(message(schema, text)).toMatch(expected));
  }
});

describe('leak horizon', () => {
  it.each(['1m', '4h', '4w'])('accepts %s', (text) => expect(message(horizonDuration, text)).toBeUndefined());
  it.each([
    ['0s', /must be longer than 0/],
    ['1y', /must be at most 4w/],
  ])('refuses %s', (text, expected) => expect(message(horizonDuration, text)).toMatch(expected));
});
