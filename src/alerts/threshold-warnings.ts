// A near-limit threshold that is valid but useless: so low the alert fires for most containers, or so high it fires
// only moments before the kill (or, at 1, never: the working set never exceeds the limit).
import type { SettingWarning } from './alert-definition.ts';
import { percent } from '../values/percent.ts';

/** Below this a "near the limit" alert fires for most containers. */
const LOW_THRESHOLD = 0.5;
/** At or above this it fires moments before the kill, or (at 1: the ratio never exceeds 1) never. */
const KILL_THRESHOLD = 0.99;

export function thresholdWarnings(value: number | undefined): SettingWarning[] {
  const warning = (message: string) => [{ setting: 'threshold', message }];
  if (value === undefined) return [];
  if (value < LOW_THRESHOLD)
    return warning(
      `${value} is below ${LOW_THRESHOLD}: the alert fires for every container using more than ${percent(value)} of ` +
        `its memory limit, most of them (thresholds are fractions: 0.85 is 85%)`,
    );
  if (value >= 1)
    return warning(
      `${value} never fires: the working set never exceeds the limit, the kernel OOM-kills the container at it ` +
        `(ContainerOOMKilled reports that)`,
    );
  if (value >= KILL_THRESHOLD)
    return warning(`${value} fires only moments before the kernel OOM-kills the container: no time is left to act`);
  return [];
}
