// The rules of ContainerMemoryLeak, PodMemoryNearLimit and the two risk reports: the expensive work over every
// container is recorded once per distinct setting that must sit inside the expression, and the alert rules, one per
// distinct rule-level setting, read only the few recorded series. Team settings come from the example fixture's model
// with overrides applied here (its team files set none of these alerts).
import { describe, expect, it } from 'vitest';
import { alerts, metrics, modelWith, recorded } from '../helpers/model-rules.ts';

describe('ContainerMemoryLeak', () => {
  it(
    'records one forecast per distinct (lookback, horizon), each fitted over its lookback and judging lives twice ' +
      'as old',
    async () => {
      const model = await modelWith({
        search: { containerMemoryLeak: { lookback: '30m' } },
        payments: { containerMemoryLeak: { lookback: '30m', for: '1h' } },
      });
      const forecasts = recorded(model, 'headroom:container_memory_forecast:ratio_limit');
      expect(
        forecasts.map((rule) => [
          rule.labels,
          rule.expr.includes(`[${rule.labels!.lookback}], 14400)`),
          rule.expr.match(/offset (\w+)/g),
        ]),
      ).toEqual([
        [{ lookback: '1h', horizon: '4h' }, true, ['offset 2h']],
        [{ lookback: '30m', horizon: '4h' }, true, ['offset 1h']],
      ]);
      // Alert rules: one per (for, severity, lookback, horizon); each reads only the series over the limit of its
      // forecast.
      const leak = alerts(model, 'ContainerMemoryLeak');
      expect(leak.map((rule) => rule.labels)).toEqual([
        { severity: 'warning', for: '1h', lookback: '30m', horizon: '4h' },
        { severity: 'warning', for: '30m', lookback: '1h', horizon: '4h' },
        { severity: 'warning', for: '30m', lookback: '30m', horizon: '4h' },
      ]);
      for (const rule of leak) {
        expect(metrics(rule.expr)).toEqual([
          'headroom:container_memory_forecast_over_limit:ratio_limit',
          'headroom:namespace_owner:info',
        ]);
        expect(rule.expr).toContain(`lookback="${rule.labels.lookback}", horizon="${rule.labels.horizon}"`);
      }
    },
  );

  it('has no forecast rule when every owner turned the alert off', async () => {
    const off = { containerMemoryLeak: { enabled: false } };
    const model = await modelWith({ '': off, payments: off, search: off, platform: off });
    expect(recorded(model, 'headroom:container_memory_forecast:ratio_limit')).toEqual([]);
    expect(recorded(model, 'headroom:container_memory_forecast_over_limit:ratio_limit')).toEqual([]);
    expect(alerts(model, 'ContainerMemoryLeak')).toEqual([]);
  });
});

describe('PodMemoryNearLimit', () => {
  it('records the pods whose limit is their own once, and gives each distinct threshold its rule', async () => {
    const model = await modelWith({ payments: { podMemoryNearLimit: { threshold: 0.9 } } });
    expect(recorded(model, 'headroom:pod_memory_working_set:ratio_pod_limit')).toHaveLength(1);
    const rules = alerts(model, 'PodMemoryNearLimit');
    expect(rules.map((rule) => [rule.labels.threshold, rule.expr.split('\n')[0]])).toEqual([
      ['0.85', '(headroom:pod_memory_working_set:ratio_pod_limit > 0.85)'],
      ['0.9', '(headroom:pod_memory_working_set:ratio_pod_limit > 0.9)'],
    ]);
  });
});

describe('risk reports', () => {
  it('ContainersWithoutMemoryLimit: alert rules read the per-namespace count only', async () => {
    const model = await modelWith({ search: { containersWithoutMemoryLimit: { for: '6h', severity: 'warning' } } });
    const rules = alerts(model, 'ContainersWithoutMemoryLimit');
    expect(rules.map((rule) => [rule.for, rule.labels.severity])).toEqual([
      ['1h', 'info'],
      ['6h', 'warning'],
    ]);
    for (const rule of rules)
      expect(metrics(rule.expr)).toEqual([
        'headroom:namespace_containers_without_memory_limit:count',
        'headroom:namespace_owner:info',
      ]);
  });

  it('ContainersAboveMemoryRequest: one min_over_time per distinct for, over the recorded ratio', async () => {
    const model = await modelWith({ search: { containersAboveMemoryRequest: { for: '3h' } } });
    expect(
      recorded(model, 'headroom:container_memory_above_request:ratio_request').map((rule) => [
        rule.labels?.for,
        rule.expr.match(/\[\w+\]|offset \w+/g),
      ]),
    ).toEqual([
      ['1h', ['[1h]', 'offset 1h']],
      ['3h', ['[3h]', 'offset 3h']],
    ]);
    const rules = alerts(model, 'ContainersAboveMemoryRequest');
    expect(rules.map((rule) => [rule.labels.for, rule.for, rule.expr.split('\n')[0]])).toEqual([
      ['1h', undefined, 'headroom:namespace_containers_above_memory_request:count{for="1h"}'],
      ['3h', undefined, 'headroom:namespace_containers_above_memory_request:count{for="3h"}'],
    ]);
  });
});
