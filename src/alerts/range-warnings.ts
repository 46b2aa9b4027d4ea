// A range setting (a window, a lookback) that is valid but holds at most one sample: the rule sees no change and the
// alert never fires.
import { durationMs, isDuration } from '../values/duration.ts';
import type { SettingWarning } from './alert-definition.ts';

/** kube-prometheus scrapes kubelet and kube-state-metrics every 30s: a range needs two scrapes to show a change. */
const SHORTEST_RANGE = '1m';

export function rangeWarnings(setting: string, value: string | undefined): SettingWarning[] {
  if (value === undefined || !isDuration(value) || durationMs(value) >= durationMs(SHORTEST_RANGE)) return [];
  return [
    {
      setting,
      message:
        `${value} is shorter than ${SHORTEST_RANGE}: at kube-prometheus' 30s scrape interval the range holds ` +
        `at most one sample, so the rule sees no change and the alert never fires`,
    },
  ];
}
