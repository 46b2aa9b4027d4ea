// Recording rules that label every namespace and node seen with its owner (see ownership.ts).
import type { Model } from '../model/model.ts';
import { NAMESPACE_OWNER, MEMORY_RATIO, NODE_OWNER } from './record-names.ts';
import { type OwnedBy, ownedLabel, ownedMatcher, ownerLabels } from './ownership.ts';
import { aggregate, series } from './promql.ts';
import type { RecordingRule } from './rule-types.ts';
import { sourceSeries } from './source-series.ts';

export function ownerRules(model: Model, kind: OwnedBy): RecordingRule[] {
  const source = sourceSeries(model);
  return model.owners.flatMap((owner) => {
    const owned = ownedMatcher(model, kind, [owner]);
    if (owned === null) return [];
    const seen =
      kind === 'namespaces'
        ? // Containers with a limit (from the ratio) and every container kube-state-metrics knows.
          `${series(MEMORY_RATIO, owned)} or ${source.restarts(owned)}`
        : source.nodeCondition(owned);
    return [{ record: kind === 'namespaces' ? NAMESPACE_OWNER : NODE_OWNER, expr: aggregate('group', [ownedLabel(kind)], seen), labels: ownerLabels(owner) }];
  });
}
