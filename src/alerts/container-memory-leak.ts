// ContainerMemoryLeak: the working set, fitted to a line over `lookback`, reaches the memory limit within `horizon`,
// for `for`. The forecast is recorded once per distinct (lookback, horizon) over every container; the alert rules
// (one per distinct for, severity, lookback, horizon) read only the containers whose forecast is over the limit.
// Two traps of the plain `predict_linear(container_memory_working_set_bytes[1h], …)`:
//   - a restart gives the container a new cgroup, so cadvisor a new series (new `id`); the dead life's series keeps
//     feeding predict_linear for a whole lookback after the restart, so the alert outlives the OOM kill it predicted.
//     Only series that still have a sample now (`and` the instant working set) are fitted: the current life.
//   - a young container's startup ramp (heap, caches filling) is a steep line. A life is judged only once it is two
//     lookbacks old (`and … offset 2×lookback`), so the fitted window never holds its first lookback.
import { z } from 'zod';
import type { Model } from '../model/model.ts';
import { alertRulesPerSetting } from '../rules/alert-rules.ts';
import { binary, by, call, eq, max, offset, on, print, range, selector } from '../promql/index.ts';
import { forDuration, horizonDuration, rangeDuration } from '../values/duration-setting.ts';
import { durationMs } from '../values/duration.ts';
import { containerQueryValue, teamDashboardUrl } from '../rules/annotations.ts';
import { containerKey } from '../rules/keys.ts';
import { INPUT, LIMIT_INPUTS } from '../rules/input-series.ts';
import { FORECAST_OVER_LIMIT, MEMORY_FORECAST } from '../rules/record-names.ts';
import type { AlertingRule, RecordingRule } from '../rules/rule-types.ts';
import { sourceSeries } from '../rules/source-series.ts';
import { defineAlert } from './alert-definition.ts';
import { rangeWarnings } from './range-warnings.ts';
import { durationSetting, enabled, severity } from './settings.ts';

const settings = z.strictObject({
  enabled,
  lookback: durationSetting(rangeDuration, 'How much working-set history the forecast fits a line to'),
  horizon: durationSetting(horizonDuration, 'Alert when the forecast reaches the memory limit within this time'),
  for: durationSetting(forDuration, 'How long the forecast must stay over the limit'),
  severity,
});

export const containerMemoryLeak = defineAlert({
  key: 'containerMemoryLeak',
  name: 'ContainerMemoryLeak',
  summary: 'the working set grows steadily and will reach the limit within `horizon`',
  subject: 'namespaces',
  group: 'container-memory',
  settings,
  defaults: { enabled: true, lookback: '1h', horizon: '4h', for: '30m', severity: 'warning' },
  ruleSettings: (a) => ({ lookback: a.lookback, horizon: a.horizon, for: a.for, severity: a.severity }),
  inputs: [INPUT.workingSet, ...LIMIT_INPUTS],
  ranges: ['lookback'],
  panels: [{ dashboard: 'team', row: 'Memory per container' }],
  rules: (model) => [...memoryForecastRules(model), ...forecastOverLimitRule(model), ...memoryLeakAlerts(model)],
  warnings: (a) => rangeWarnings('lookback', a.lookback),
});

interface Forecast {
  lookback: string;
  horizon: string;
}

/** Distinct (lookback, horizon) of the owners that have the alert on, sorted. */
function forecasts(model: Model): Forecast[] {
  const distinct = new Map<string, Forecast>();
  for (const owner of model.owners) {
    const { enabled, lookback, horizon } = owner.alerts.containerMemoryLeak;
    if (enabled) distinct.set(`${lookback} ${horizon}`, { lookback, horizon });
  }
  return [...distinct.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, forecast]) => forecast);
}

/** The youngest life the forecast judges: twice the lookback (see the file comment). */
function minimumAge(lookback: string): string {
  return seconds(2 * durationMs(lookback));
}

/** A duration in the largest unit that divides it, e.g. 7200000 → 2h. */
function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s % 3600 === 0) return `${s / 3600}h`;
  if (s % 60 === 0) return `${s / 60}m`;
  return `${s}s`;
}

/** Per distinct (lookback, horizon): the forecast working set of each container's current life / its limit. */
function memoryForecastRules(model: Model): RecordingRule[] {
  const source = sourceSeries(model);
  const key = containerKey(model);
  return forecasts(model).map(({ lookback, horizon }) => {
    const workingSet = source.workingSet();
    const forecast = call('predict_linear', [range(workingSet, lookback), durationMs(horizon) / 1000]);
    const currentLife = binary(forecast, 'and', workingSet, 'lines');
    const oldEnough = binary(currentLife, 'and', offset(workingSet, minimumAge(lookback)), 'lines');
    return {
      record: MEMORY_FORECAST,
      // max by after the filters: one series per container, from its current life only.
      expr: print(binary(max(by(key), oldEnough), '/', source.memoryLimitBy(key), on(key), 'lines')),
      labels: { lookback, horizon },
    };
  });
}

/** The forecasts over the limit, every (lookback, horizon) in one pass: the few series the alert rules read. */
function forecastOverLimitRule(model: Model): RecordingRule[] {
  if (forecasts(model).length === 0) return [];
  return [{ record: FORECAST_OVER_LIMIT, expr: print(binary(selector(MEMORY_FORECAST), '>', 1)) }];
}

function memoryLeakAlerts(model: Model): AlertingRule[] {
  return alertRulesPerSetting(model, containerMemoryLeak, (settings) => ({
    expr: selector(FORECAST_OVER_LIMIT, eq('lookback', settings.lookback), eq('horizon', settings.horizon)),
    for: settings.for,
    summary: 'Container memory grows steadily and will reach its limit; the container is OOMKilled when it does.',
    description: leakDescription(model, settings),
    dashboardUrl: teamDashboardUrl(model, ['namespace', 'pod']),
  }));
}

function leakDescription(model: Model, { lookback, horizon }: Forecast): string {
  const source = sourceSeries(model);
  const limit = containerQueryValue(model, (...m) => max(source.memoryLimit(...m)), 'humanize1024', { suffix: 'B' });
  const workingSet = containerQueryValue(model, (...m) => max(source.workingSet(...m)), 'humanize1024', {
    suffix: 'B',
  });
  return (
    'Container {{ $labels.container }} of pod {{ $labels.namespace }}/{{ $labels.pod }} has grown steadily ' +
    `over the last ${lookback}: at that rate its working set reaches {{ $value | humanizePercentage }} of its ` +
    `memory limit in ${horizon} (now ${workingSet} of ${limit}).`
  );
}
