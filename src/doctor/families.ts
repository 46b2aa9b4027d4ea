// The input series families doctor checks: those of every enabled alert (src/rules/input-families.ts, shared with
// HeadroomInputMissing, which watches the same families from the rules).
import { ALERTS } from '../alerts/catalogue.ts';
import type { Model } from '../model/model.ts';
import { type Family as InputFamily, inputFamilies } from '../rules/input-families.ts';
import { INPUT } from '../rules/input-series.ts';
import { anyOwnerHasOn } from '../rules/rule-settings.ts';

export { exporterMatchers, familyMatchers, familyName } from '../rules/input-families.ts';

/** A family as doctor checks it: the alerts' input family, and whether its series are born with an event. */
export interface Family extends InputFamily {
  /** Where its series exist only after an event or for some objects (absent, it proves nothing by itself). */
  eventBorn: EventBorn | undefined;
}

/**
 * Series that exist only once something happened, or for some objects: a cluster without them may simply not have
 * had it yet. `evidence` is a family of the same exporter whose series show that it did happen (above 0 where
 * `positive`): where the evidence is there and the series are not, the stack drops them.
 */
export interface EventBorn {
  /** Its series (above 0 where `positive`), which each should have one of this family: e.g. restarted containers. */
  evidence?: { metric: string; positive: boolean; shows: string };
}

const RESTARTED = { metric: INPUT.restarts.metric, positive: true, shows: 'restarted containers' };
const INIT_RESTARTED = { metric: INPUT.initRestarts.metric, positive: true, shows: 'restarted init containers' };

const EVENT_BORN: Readonly<Record<string, EventBorn>> = {
  // The kubelet creates the counter at its first eviction of a signal.
  [INPUT.evictions.metric]: {},
  // kube-state-metrics exports the last termination of containers that terminated.
  [INPUT.lastReason.metric]: { evidence: RESTARTED },
  [INPUT.lastExitCode.metric]: { evidence: RESTARTED },
  [INPUT.initLastReason.metric]: { evidence: INIT_RESTARTED },
  [INPUT.initLastExitCode.metric]: { evidence: INIT_RESTARTED },
  // Only pods with init containers have these; only init containers with a memory limit the last.
  [INPUT.initRestarts.metric]: {
    evidence: { metric: INPUT.initInfo.metric, positive: false, shows: 'init containers' },
  },
  [INPUT.initInfo.metric]: {
    evidence: { metric: INPUT.initRestarts.metric, positive: false, shows: 'init containers' },
  },
  [INPUT.initLimits.metric]: {},
};

/**
 * Labels a family's series may all lack where nothing is wrong: kube-state-metrics gives plain init containers an
 * empty restart_policy (only native sidecars have Always), and a cluster may run only those.
 */
export const MAY_BE_EMPTY: Readonly<Record<string, readonly string[]>> = {
  [INPUT.initInfo.metric]: ['restart_policy'],
};

/** The alerts on for some owner, in catalogue order. */
export function enabledAlerts(model: Model) {
  return ALERTS.filter((alert) => anyOwnerHasOn(model, alert));
}

export function families(model: Model): Family[] {
  return inputFamilies(model, ALERTS).map((family) => ({
    ...family,
    eventBorn: family.podCgroup ? undefined : EVENT_BORN[family.metric],
  }));
}
