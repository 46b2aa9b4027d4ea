// Working set / memory limit of every container: ContainerMemoryNearLimit compares it with thresholds, the exit-137
// evidence of ContainerOOMKilled reads its peak, and the dashboards plot it.
import type { Model } from '../model/model.ts';
import { binary, by, max, on, print } from '../promql/index.ts';
import { containerKey } from './keys.ts';
import { MEMORY_RATIO } from './record-names.ts';
import type { RecordingRule } from './rule-types.ts';
import { sourceSeries } from './source-series.ts';

/** The ratio every container has: the dashboards read it too, so it is recorded whatever the alert's settings. */
export function memoryRatioRule(model: Model): RecordingRule {
  const source = sourceSeries(model);
  const key = containerKey(model);
  return {
    record: MEMORY_RATIO,
    // max by: one series per container even where a scrape or kube-state-metrics replica duplicates it.
    expr: print(binary(max(by(key), source.workingSet()), '/', source.memoryLimitBy(key), on(key), 'lines')),
  };
}
