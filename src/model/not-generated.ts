// Alerts held back by `inputs.absent`: an alert that needs a series the stack does not keep would never fire, so it is
// not generated, for any owner. The model shows it off in every owner's settings (everything downstream — rules, the
// teams table, dashboards — reads that), and names it with the inputs and the teams that had it on, for generate,
// validate and diff to say why it is gone.
import { ALERTS, type AlertName, type AlertSettings } from '../alerts/catalogue.ts';
import { neededAbsent } from '../rules/input-families.ts';
import { alertSettingsOf } from '../rules/rule-settings.ts';
import { byCodePoint } from '../values/ordering.ts';
import type { Model, NotGenerated, Owner } from './model.ts';

/** The alerts that need a metric of `absent` (on for some owner or not), each with those metrics. */
function needingAbsent(absent: readonly string[], limitSource: Model['limitSource']) {
  return ALERTS.map((alert) => ({ alert, needs: neededAbsent(alert.inputs, absent, limitSource) })).filter(
    ({ needs }) => needs.length > 0,
  );
}

/** The owners and defaults with every alert `absent` holds back off, and those some owner had on. */
export function holdBack(
  owners: readonly Owner[],
  defaults: AlertSettings,
  absent: readonly string[],
  limitSource: Model['limitSource'],
): { owners: Owner[]; defaults: AlertSettings; notGenerated: NotGenerated[] } {
  const held = needingAbsent(absent, limitSource);
  const off = (settings: AlertSettings): AlertSettings => {
    const changed = { ...settings };
    for (const { alert } of held) changed[alert.key as AlertName] = { ...settings[alert.key], enabled: false } as never;
    return changed;
  };
  const notGenerated = held.flatMap(({ alert, needs }) => {
    const onFor = owners.filter((owner) => alertSettingsOf(owner, alert.key).enabled).map((owner) => owner.team);
    return onFor.length === 0 ? [] : [{ alert: alert.name, needs, onFor: [...new Set(onFor)].sort(byCodePoint) }];
  });
  return {
    owners: owners.map((owner) => ({ ...owner, alerts: off(owner.alerts) })),
    defaults: off(defaults),
    notGenerated,
  };
}
