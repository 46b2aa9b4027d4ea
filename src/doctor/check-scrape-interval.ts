// Whether every range an enabled alert reads over holds two samples at the store's effective scrape interval: a
// window of 1m at a 60 s scrape (k8s-monitoring's default) holds one, so no rise is ever seen and the alert never
// fires. The interval is measured, not read from config: the samples `up` of each exporter has over 10 minutes.
import type { Model } from '../model/model.ts';
import { binary, by, call, max, number, print, range, selector, subquery } from '../promql/index.ts';
import { alertSettingsOf } from '../rules/rule-settings.ts';
import type { Exporter } from '../rules/input-series.ts';
import { durationMs } from '../values/duration.ts';
import { clusterOf } from './check-series.ts';
import { enabledAlerts, exporterMatchers } from './families.ts';
import type { Finding } from './findings.ts';
import type { QueryApi } from './query-api.ts';
import { scrapeIntervalFixes } from './stack-fixes.ts';

const MEASURED_OVER = '10m';
/** How finely the first and last samples' times are found: the error is this over the number of samples. */
const STAMP_STEP = '15s';

/**
 * Per exporter and cluster, the scrape interval in seconds; absent where `up` is not there. Measured from `up` over
 * the last 10 minutes as the time between its first and last sample over the samples between them, so a store that
 * has scraped for one minute only measures right (a count alone over 10 minutes would make its interval look long).
 */
export async function scrapeIntervals(
  model: Model,
  api: QueryApi,
  exporters: readonly Exporter[],
): Promise<Map<Exporter, Map<string, number>>> {
  const intervals = new Map<Exporter, Map<string, number>>();
  for (const exporter of exporters) {
    if (exporter === 'ruler') continue;
    const up = selector('up', ...exporterMatchers(model, exporter));
    const stamps = subquery(call('timestamp', [up]), MEASURED_OVER, STAMP_STEP);
    const spanned = binary(call('max_over_time', [stamps]), '-', call('min_over_time', [stamps]));
    const gaps = binary(call('count_over_time', [range(up, MEASURED_OVER)]), '-', number(1));
    const grouping = by(model.clusterLabel ? [model.clusterLabel] : []);
    // A target with one sample (no gap yet) gives 0 / 0, NaN, which the filter drops.
    const interval = binary(binary(spanned, '/', gaps), '>', number(0));
    const samples = await api.query(print(max(grouping, interval)));
    intervals.set(
      exporter,
      new Map(
        samples
          .filter((sample) => Number.isFinite(sample.value))
          .map((sample) => [clusterOf(model, sample), sample.value]),
      ),
    );
  }
  return intervals;
}

/** Range settings (window, lookback) of enabled alerts shorter than two scrapes of an exporter the alert reads. */
export function shortRanges(model: Model, intervals: ReadonlyMap<Exporter, ReadonlyMap<string, number>>): Finding[] {
  const findings: Finding[] = [];
  for (const alert of enabledAlerts(model)) {
    const exporters = [...new Set(alert.inputs.map((input) => input.exporter))];
    for (const setting of alert.ranges ?? []) {
      const values = new Set(
        model.owners
          .map((owner) => alertSettingsOf(owner, alert.key) as { enabled: boolean } & Record<string, unknown>)
          .filter((settings) => settings.enabled)
          .map((settings) => String(settings[setting])),
      );
      for (const exporter of exporters)
        for (const [cluster, seconds] of intervals.get(exporter) ?? []) {
          const short = [...values].filter((value) => durationMs(value) < 2 * seconds * 1000).sort();
          if (short.length === 0) continue;
          findings.push({
            check: 'scrape-interval',
            cluster: cluster || undefined,
            subject: `${alert.key}.${setting}`,
            message:
              `${exporter} is scraped every ${Math.round(seconds)} s: ${alert.name}'s ${setting} ` +
              `${short.join(', ')} holds fewer than two samples, so the rule sees no change`,
            blinds: [alert.name],
            degrades: [],
            fixes: scrapeIntervalFixes(),
          });
        }
    }
  }
  return findings;
}
