// The floor: what a single global rule per alert costs on the same data, with kube-prometheus' default selectors
// (those the bench config keeps). Each is the smallest rule that is right on this data: kube-state-metrics runs
// as two replicas, so the limit side needs `max by` (the literal form without it fails, see LITERAL_NEAR_LIMIT).
import type { RuleGroup } from '../src/rules/rule-types.ts';
import { DEFAULT_OOM_WINDOW } from './bench-config.ts';

const CADVISOR = 'job="kubelet", metrics_path="/metrics/cadvisor"';
const KSM = 'job="kube-state-metrics"';
const KEY = '(namespace, pod, container)';

type FloorPart = 'near-limit' | 'oom' | 'node';

export const FLOOR_RULES: Record<FloorPart, { alert: string; expr: string }> = {
  'near-limit': {
    alert: 'FloorContainerMemoryNearLimit',
    expr:
      `max by ${KEY} (container_memory_working_set_bytes{${CADVISOR}, container!=""})` +
      ` / on ${KEY} max by ${KEY} (kube_pod_container_resource_limits{${KSM}, resource="memory"}) > 0.85`,
  },
  oom: {
    alert: 'FloorContainerOOMKilled',
    expr:
      `max by ${KEY} (increase(kube_pod_container_status_restarts_total{${KSM}}[${DEFAULT_OOM_WINDOW}])) > 0` +
      ` and on ${KEY} max by ${KEY}` +
      ` (kube_pod_container_status_last_terminated_reason{${KSM}, reason="OOMKilled"}) == 1`,
  },
  node: {
    alert: 'FloorNodeMemoryPressure',
    expr: `max by (node) (kube_node_status_condition{${KSM}, condition="MemoryPressure", status="true"}) == 1`,
  },
};

/** The near-limit rule as often written, without dedupe: many-to-many on duplicated kube-state-metrics series. */
export const LITERAL_NEAR_LIMIT =
  `container_memory_working_set_bytes{${CADVISOR}, container!=""} / on ${KEY} ` +
  `kube_pod_container_resource_limits{${KSM}, resource="memory"} > 0.85`;

/** One floor rule alone in a group, as the benchmark loads it. */
export function floorGroup(part: FloorPart): RuleGroup {
  const { alert, expr } = FLOOR_RULES[part];
  return {
    name: `floor-${part}`,
    rules: [{ alert, expr, for: '5m', labels: { severity: 'warning' }, annotations: {} }],
  };
}
