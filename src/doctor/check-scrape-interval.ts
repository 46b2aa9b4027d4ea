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
 * finding per setting and cluster, naming each exporter scraped too slowly for it.
 */
export function shortRanges(model: Model, intervals: ReadonlyMap<Exporter, ReadonlyMap<string, number>>): Finding[] {
  const findings: Finding[] = [];
  for (const alert of enabledAlerts(model)) {
    const exporters = [...new Set(alert.inputs.map((input) => input.exporter))].sort();
    const clusters = [...new Set(exporters.flatMap((exporter) => [...(intervals.get(exporter)?.keys() ?? [])]))].sort();
    for (const setting of alert.ranges ?? []) {
      const values = new Set(
        model.owners
          .map((owner) => alertSettingsOf(owner, alert.key) as { enabled: boolean } & Record<string, unknown>)
          .filter((settings) => settings.enabled)
          .map((settings) => String(settings[setting])),
      );
      for (const cluster of clusters) {
        const slow = exporters.flatMap((exporter) => {
          const seconds = intervals.get(exporter)?.get(cluster);
          if (seconds === undefined) return [];
          const short = [...values].filter((value) => durationMs(value) < 2 * seconds * 1000);
          return short.length > 0 ? [{ exporter, seconds, short }] : [];
        });
        if (slow.length === 0) continue;
        const short = [...new Set(slow.flatMap((one) => one.short))].sort((a, b) => durationMs(a) - durationMs(b));
        findings.push({
          check: 'scrape-interval',
          cluster: cluster || undefined,
          subject: `${alert.key}.${setting}`,
          message:
            `${slow.map((one) => `${one.exporter} is scraped every ${Math.round(one.seconds)} s`).join(', ')}: ` +
            `${alert.name}'s ${setting} ${short.join(', ')} holds fewer than two samples, so the rule sees no change`,
          blinds: [alert.name],
          degrades: [],
          fixes: scrapeIntervalFixes(),
        });
      }
    }
  }
  return findings;
}
