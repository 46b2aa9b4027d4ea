// Recording rules that label every namespace and node seen with its owner (see ownership.ts).
import type { Model } from '../model/model.ts';
import { CONTAINER_RESTARTS, MEMORY_RATIO, NAMESPACE_CONTAINERS, NAMESPACE_OWNER, NODE_OWNER } from './record-names.ts';
import { type OwnedBy, ownedLabel, ownedMatcher, ownerLabels } from './ownership.ts';
import { aggregate, series } from './promql.ts';
import type { RecordingRule } from './rule-types.ts';
import { sourceSeries } from './source-series.ts';

/**
 * The namespaces there are, counted once per evaluation so that each of the per-team ownership rules scans one series
 * per namespace instead of one per container. Every container kube-state-metrics knows counts (the deduplicated
 * restart counter); with limits from cadvisor, containers with a limit count too, so near-limit alerts keep their
 * owner without kube-state-metrics.
 */
export function namespaceContainersRule(model: Model): RecordingRule {
  const known = series(CONTAINER_RESTARTS);
  const containers = model.limitSource === 'cadvisor' ? `${series(MEMORY_RATIO)} or ${known}` : known;
  return { record: NAMESPACE_CONTAINERS, expr: aggregate('count', ['namespace'], containers) };
}

export function ownerRules(model: Model, kind: OwnedBy): RecordingRule[] {
  const source = sourceSeries(model);
  return model.owners.flatMap((owner) => {
    const owned = ownedMatcher(model, kind, [owner]);
    if (owned === null) return [];
    const seen = kind === 'namespaces' ? series(NAMESPACE_CONTAINERS, owned) : source.nodeCondition(owned);
    return [{ record: kind === 'namespaces' ? NAMESPACE_OWNER : NODE_OWNER, expr: aggregate('group', [ownedLabel(kind)], seen), labels: ownerLabels(owner) }];
  });
}
