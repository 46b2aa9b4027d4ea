// Whether every range an enabled alert reads over holds two samples at the store's effective scrape interval: a
// window of 1m at a 60 s scrape (k8s-monitoring's default) holds one, so no rise is ever seen and the alert never
// fires. The interval is measured, not read from config: from the samples `up` of each exporter has over 10 minutes.
import type { Model } from '../model/model.ts';
import {
  binary,
  by,
  call,
  type Expr,
  type Matcher,
  max,
  number,
  offset,
  print,
  range,
  selector,
  subquery,
} from '../promql/index.ts';
import { alertSettingsOf } from '../rules/rule-settings.ts';
import type { Exporter } from '../rules/input-series.ts';
import { durationMs } from '../values/duration.ts';
import { byCodePoint } from '../values/ordering.ts';
import { clusterOf } from './check-series.ts';
import { enabledAlerts, exporterMatchers } from './families.ts';
import type { Finding } from './findings.ts';
import type { QueryApi } from './query-api.ts';
import { scrapeIntervalFixes } from './stack-fixes.ts';

const MEASURED_OVER = '10m';
/** How finely a young target's first sample is found: exact for scrape intervals of this or longer. */
const STAMP_STEP = '15s';

/**
 * The scrape interval of each target whose `up` matches `matchers`, in seconds, from its samples of the last 10
 * minutes: the time they span over the gaps between them. A target scraped for longer than that spans from the last
 * sample before the 10 minutes (one gap per sample in them); a younger one from its first sample (one gap fewer), so
 * a store that has scraped for two minutes measures right. A target with one sample yet gives 0 / 0, dropped.
 */
export function scrapeIntervalExpr(matchers: readonly Matcher[]): Expr {
  const up = selector('up', ...matchers);
  const last = call('timestamp', [up]);
  const samples = call('count_over_time', [range(up, MEASURED_OVER)]);
  const old = binary(binary(last, '-', call('timestamp', [offset(up, MEASURED_OVER)])), '/', samples);
  const first = call('min_over_time', [subquery(call('timestamp', [up]), MEASURED_OVER, STAMP_STEP)]);
  const young = binary(
    binary(binary(last, '-', first), '/', binary(samples, '-', number(1))),
    'unless',
    offset(up, MEASURED_OVER),
  );
  return binary(binary(old, 'or', young), '>', number(0));
}

/** Per exporter and cluster, the longest scrape interval of its targets in seconds; absent where `up` is not there. */
export async function scrapeIntervals(
  model: Model,
  api: QueryApi,
  exporters: readonly Exporter[],
): Promise<Map<Exporter, Map<string, number>>> {
  const intervals = new Map<Exporter, Map<string, number>>();
  for (const exporter of exporters) {
    if (exporter === 'ruler') continue;
    const grouping = by(model.clusterLabel ? [model.clusterLabel] : []);
    const samples = await api.query(print(max(grouping, scrapeIntervalExpr(exporterMatchers(model, exporter)))));
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

/**
 * Range settings (window, lookback) of enabled alerts shorter than two scrapes of an exporter the alert reads: one
 * finding per cluster (one fix serves them all), naming each exporter scraped too slowly and each range it cuts.
 */
export function shortRanges(model: Model, intervals: ReadonlyMap<Exporter, ReadonlyMap<string, number>>): Finding[] {
  interface Short {
    alerts: Set<string>;
    ranges: string[];
    slow: Map<Exporter, number>;
  }
  const perCluster = new Map<string, Short>();
  for (const alert of enabledAlerts(model)) {
    const exporters = [...new Set(alert.inputs.map((input) => input.exporter))].sort();
    for (const setting of alert.ranges ?? []) {
      const values = new Set(
        model.owners
          .map((owner) => alertSettingsOf(owner, alert.key) as { enabled: boolean } & Record<string, unknown>)
          .filter((settings) => settings.enabled)
          .map((settings) => String(settings[setting])),
      );
      for (const exporter of exporters)
        for (const [cluster, seconds] of intervals.get(exporter) ?? []) {
          const short = [...values].filter((value) => durationMs(value) < 2 * seconds * 1000);
          if (short.length === 0) continue;
          const here: Short = perCluster.get(cluster) ?? { alerts: new Set(), ranges: [], slow: new Map() };
          here.slow.set(exporter, seconds);
          here.alerts.add(alert.name);
          for (const value of short.sort((a, b) => durationMs(a) - durationMs(b))) {
            const range = `${alert.name}'s ${setting} ${value}`;
            if (!here.ranges.includes(range)) here.ranges.push(range);
          }
          perCluster.set(cluster, here);
        }
    }
  }
  return [...perCluster]
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([cluster, { alerts, ranges, slow }]) => ({
      check: 'scrape-interval',
      cluster: cluster || undefined,
      subject: 'scrape interval',
      message:
        [...slow]
          .sort(([a], [b]) => byCodePoint(a, b))
          .map(([exporter, seconds]) => `${exporter} is scraped every ${Math.round(seconds)} s`)
          .join(', ') +
        `: these ranges hold fewer than two samples, so their rules see no change: ${ranges.join(', ')}`,
      blinds: [...alerts],
      degrades: [],
      fixes: scrapeIntervalFixes(),
    }));
}
