// The deduplicated restart counter every restart-based query reads (see CONTAINER_RESTARTS).
import type { Model } from '../model/model.ts';
import { by, max, print } from '../promql/index.ts';
import { CONTAINER_RESTARTS } from './record-names.ts';
import type { RecordingRule } from './rule-types.ts';
import { sourceSeries } from './source-series.ts';
import { containerKey } from './keys.ts';

export function containerRestartsRule(model: Model): RecordingRule {
  return { record: CONTAINER_RESTARTS, expr: print(max(by(containerKey(model)), sourceSeries(model).restarts())) };
}
