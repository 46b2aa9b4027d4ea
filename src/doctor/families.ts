// The input series families doctor checks: those of every enabled alert (src/rules/input-families.ts, shared with
// HeadroomInputMissing, which watches the same families from the rules).
import { ALERTS } from '../alerts/catalogue.ts';
import type { Model } from '../model/model.ts';
import { type Family, inputFamilies } from '../rules/input-families.ts';
import { anyOwnerHasOn } from '../rules/rule-settings.ts';

export { exporterMatchers, type Family, familyMatchers, familyName } from '../rules/input-families.ts';

/** The alerts on for some owner, in catalogue order. */
export function enabledAlerts(model: Model) {
  return ALERTS.filter((alert) => anyOwnerHasOn(model, alert));
}

export function families(model: Model): Family[] {
  return inputFamilies(model, ALERTS);
}
