// Whether every range an enabled alert reads over holds two samples at the store's effective scrape interval: a
// window of 1m at a 60 s scrape (k8s-monitoring's default) holds one, so no rise is ever seen and the alert never
// fires. The interval is measured, not read from config: the samples `up` of each exporter has over 10 minutes.
import type { Model } from '../model/model.ts';
import { by, call, max, print, range, selector } from '../promql/index.ts';
import { alertSettingsOf } from '../rules/rule-settings.ts';
import type { Exporter } from '../rules/input-series.ts';
import { durationMs } from '../values/duration.ts';
import { clusterOf } from './check-series.ts';
import { enabledAlerts, exporterMatchers } from './families.ts';
import type { Finding } from './findings.ts';
import type { QueryApi } from './query-api.ts';

const MEASURED_OVER_SECONDS = 600;

/** Per exporter and cluster, the scrape interval in seconds (measured from `up`); absent where `up` is not there. */
export async function scrapeIntervals(
  model: Model,
  api: QueryApi,
  exporters: readonly Exporter[],
): Promise<Map<Exporter, Map<string, number>>> {
  const intervals = new Map<Exporter, Map<string, number>>();
  for (const exporter of exporters) {
    if (exporter === 'ruler') continue;
    const up = range(selector('up', ...exporterMatchers(model, exporter)), `${MEASURED_OVER_SECONDS}s`);
    const grouping = by(model.clusterLabel ? [model.clusterLabel] : []);
    const samples = await api.query(print(max(grouping, call('count_over_time', [up]))));
    intervals.set(
      exporter,
      new Map(samples.map((sample) => [clusterOf(model, sample), MEASURED_OVER_SECONDS / Math.max(sample.value, 1)])),
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
            fixes: [],
          });
        }
    }
  }
  return findings;
}
