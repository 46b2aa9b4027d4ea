import { describe, expect, it } from 'vitest';
import { durationMs, isDuration } from '../../src/values/duration.ts';

describe('Prometheus durations', () => {
  it.each(['30s', '5m', '1h30m', '2d', '1w', '500ms', '0s', '1y2w3d4h5m6s7ms'])('accepts %s', (text) =>
    expect(isDuration(text)).toBe(true),
  );
  it.each(['', '5', '5 m', '10 minutes', 'm5', '1m1h', '1.5m', '-5m'])('rejects %j', (text) =>
    expect(isDuration(text)).toBe(false),
  );
  it('converts to milliseconds', () => {
    expect(durationMs('1h30m')).toBe(5_400_000);
    expect(durationMs('1d')).toBe(86_400_000);
  });
});
