// Which containers are init containers and which are native sidecars: kube-state-metrics reports both in the
// kube_pod_init_container_* family only, cadvisor not at all (every container is just `container="<name>"`), so the
// OOM alerts join this series to label them. Names are unique within a pod across init and main containers.
import type { Model } from '../model/model.ts';
import { by, call, type Expr, labelReplace, max, print, string } from '../promql/index.ts';
import { containerKey } from './keys.ts';
import { INIT_CONTAINER_TYPE } from './record-names.ts';
import type { RecordingRule } from './rule-types.ts';
import { sourceSeries } from './source-series.ts';

/** The `container_type` label of every OOM alert. */
export const CONTAINER_TYPE = { container: 'container', init: 'init', sidecar: 'sidecar' } as const;

export function initContainerTypeRules(model: Model): RecordingRule[] {
  // Every init container is `init` unless its restart_policy is Always (kube-state-metrics ≥ 2.11; older ones have no
  // restart_policy label, so every init container stays `init`). max by drops restart_policy and the replicas.
  const init = setLabel(sourceSeries(model).initContainerInfo(), CONTAINER_TYPE.init);
  const typed = labelReplace(init, 'container_type', CONTAINER_TYPE.sidecar, 'restart_policy', 'Always');
  return [{ record: INIT_CONTAINER_TYPE, expr: print(max(by([...containerKey(model), 'container_type']), typed)) }];
}

/** "Container", "Init container" or "Sidecar", from the alert's container_type. */
export const CONTAINER_TYPE_NOUN =
  `{{ if eq $labels.container_type "${CONTAINER_TYPE.sidecar}" }}Sidecar` +
  `{{ else if eq $labels.container_type "${CONTAINER_TYPE.init}" }}Init container{{ else }}Container{{ end }}`;

/** `expr` with label container_type set to `value` on every series; the arguments on the call's line. */
export function setLabel(expr: Expr, value: string): Expr {
  const args = ['container_type', value, '', ''].map(string);
  return call('label_replace', [expr, ...args], 'inline');
}
