// OOM kills counted by cadvisor (container_oom_events_total), per container and window: the evidence that an exit 137
// was an OOM kill (ContainerOOMKilled) and the only sign of a process killed inside a running container
// (ContainerProcessOOMKilled). Recorded once per distinct window of the two alerts, so both read a few series.
// Each container start is a new cgroup and a new series from 0, so the rise per series (counter-rise.ts), then max by
// container (a duplicated scrape reports the same count). A kubelet restart resets the count: the rise since counts.
import type { Model } from '../model/model.ts';
import { by, max, print } from '../promql/index.ts';
import { containerKey } from './keys.ts';
import { OOM_EVENTS } from './record-names.ts';
import type { RecordingRule } from './rule-types.ts';
import { sourceSeries } from './source-series.ts';
import { distinctValues } from './partition.ts';
import { riseWithin } from './counter-rise.ts';

/** Distinct windows over which OOM events are needed: exit-137 evidence and silent kills. */
function oomEventWindows(model: Model): string[] {
  return distinctValues(model, ({ alerts: { containerOOMKilled: k, containerProcessOOMKilled: p } }) => [
    ...(k.enabled && k.errorExit137 ? [k.window] : []),
    ...(p.enabled ? [p.window] : []),
  ]);
}

export function oomEventRules(model: Model): RecordingRule[] {
  return oomEventWindows(model).map((window) => ({
    record: OOM_EVENTS,
    expr: print(max(by(containerKey(model)), riseWithin(sourceSeries(model).oomEvents(), window, { resets: true }))),
    labels: { window },
  }));
}
