// Recording rules that label every namespace and node seen with its owner (see ownership.ts).
import type { Model } from '../model/model.ts';
import { CONTAINER_RESTARTS, MEMORY_RATIO, NAMESPACE_OWNER, NODE_OWNER } from './record-names.ts';
import { type OwnedBy, ownedLabel, ownedMatcher, ownerLabels } from './ownership.ts';
import { aggregate, series } from './promql.ts';
import type { RecordingRule } from './rule-types.ts';
import { sourceSeries } from './source-series.ts';

export function ownerRules(model: Model, kind: OwnedBy): RecordingRule[] {
  const source = sourceSeries(model);
  return model.owners.flatMap((owner) => {
    const owned = ownedMatcher(model, kind, [owner]);
    if (owned === null) return [];
    const seen = kind === 'namespaces' ? namespacesSeen(model, owned) : source.nodeCondition(owned);
    return [{ record: kind === 'namespaces' ? NAMESPACE_OWNER : NODE_OWNER, expr: aggregate('group', [ownedLabel(kind)], seen), labels: ownerLabels(owner) }];
  });
}

/**
 * Every container kube-state-metrics knows (the deduplicated restart counter: one series per container). With limits
 * from cadvisor, containers with a limit count too, so near-limit alerts keep their owner without kube-state-metrics.
 */
function namespacesSeen(model: Model, owned: string | undefined): string {
  const known = series(CONTAINER_RESTARTS, owned);
  return model.limitSource === 'cadvisor' ? `${series(MEMORY_RATIO, owned)} or ${known}` : known;
}
