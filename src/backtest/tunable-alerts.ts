// What backtest evaluates: the alerts a team tunes. headroom's alerts about itself (its rules failing, an input
// missing) say nothing of what a change would have paged, and read series of the ruler or whole-cluster presence that
// a replay over the store does not reproduce evaluation for evaluation.
import { ALERTS } from '../alerts/catalogue.ts';
import { isAlertingRule, type RuleGroup } from '../rules/rule-types.ts';

const TUNABLE: ReadonlySet<string> = new Set(ALERTS.map((alert) => alert.name));

/** `groups` without the alerting rules of headroom's meta-alerts (their recording rules stay: others may read them). */
export function tunableAlertGroups(groups: readonly RuleGroup[]): RuleGroup[] {
  return groups.map((group) => ({
    ...group,
    rules: group.rules.filter((rule) => !isAlertingRule(rule) || TUNABLE.has(rule.alert)),
  }));
}
