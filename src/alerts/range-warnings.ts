// A range setting (a window, a lookback) that is valid but holds at most one sample: the rule sees no change and the
// alert never fires.
import { durationMs, isDuration } from '../values/duration.ts';
import type { AlertDefinition, SettingWarning } from './alert-definition.ts';

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

/** An alert's warnings about the settings given: its ranges' first (each declared in `ranges`), then its own. */
export function settingWarnings(alert: AlertDefinition, given: Record<string, unknown>): SettingWarning[] {
  const ranges = (alert.ranges ?? []).flatMap((setting) => {
    const value = given[setting];
    return rangeWarnings(setting, typeof value === 'string' ? value : undefined);
  });
  return [...ranges, ...(alert.warnings?.(given) ?? [])];
}
