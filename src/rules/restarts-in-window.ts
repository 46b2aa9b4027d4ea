// Restarts within a window (counter-rise.ts: the same on vmalert) of every container, init containers and native
// sidecars included, labelled with their container_type: recorded once per distinct window of the OOM alerts, so each
// OOM rule (OOMKilled, exit 137, silent kills) joins a few series instead of reading every restart counter again.
import type { Model } from '../model/model.ts';
import { binary, by, groupLeft, max, on, print, selector } from '../promql/index.ts';
import { CONTAINER_TYPE, setLabel } from './init-container-types.ts';
import { containerKey } from './keys.ts';
import { CONTAINER_RESTARTS, INIT_CONTAINER_TYPE, RESTARTS_IN_WINDOW } from './record-names.ts';
import type { RecordingRule } from './rule-types.ts';
import { sourceSeries } from './source-series.ts';
import { distinctValues } from './partition.ts';
import { riseWithin } from './counter-rise.ts';

/** Distinct windows of ContainerOOMKilled and ContainerProcessOOMKilled among the owners that have them on, sorted. */
function restartWindows(model: Model): string[] {
  return distinctValues(model, ({ alerts: { containerOOMKilled: k, containerProcessOOMKilled: p } }) => [
    ...(k.enabled ? [k.window] : []),
    ...(p.enabled ? [p.window] : []),
  ]);
}

export function restartsInWindowRules(model: Model): RecordingRule[] {
  const key = containerKey(model);
  return restartWindows(model).map((window) => {
    const main = setLabel(
      riseWithin(selector(CONTAINER_RESTARTS), window, { resets: false }),
      CONTAINER_TYPE.container,
    );
    // Init containers: one counter per kube-state-metrics replica, so the rise per series, then max.
    // kube-state-metrics' restart counters only go back to 0 with a new pod under the same name, whose restart the OOM
    // rules also require.
    const init = max(by(key), riseWithin(sourceSeries(model).initRestarts(), window, { resets: false }));
    const typedInit = binary(init, '*', selector(INIT_CONTAINER_TYPE), on(key), groupLeft(['container_type']), 'lines');
    return { record: RESTARTS_IN_WINDOW, expr: print(binary(main, 'or', typedInit, 'lines')), labels: { window } };
  });
}
