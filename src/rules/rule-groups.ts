// Every rule group headroom emits. Rules of one group run in order, so the container group records the ratio and the
// kills before its alerts read them in the same evaluation. Ownership is decided in groups of its own (the teams table,
// then the decisions, see owner-rules.ts): an alert reads an ownership decided at an earlier evaluation, never one
// recorded in its own.
import type { Model } from '../model/model.ts';
import { aboveThresholdRule, memoryRatioRule, nearLimitAlerts, thresholdRule } from './container-memory-near-limit.ts';
import { oomEventRules } from './container-oom-events.ts';
import { oomKilledAlerts, oomRestartRules } from './container-oom-killed.ts';
import { processOOMKilledAlerts, processOOMKillRules } from './container-process-oom-killed.ts';
import { initContainerTypeRule } from './init-container-types.ts';
import { restartsInWindowRules } from './restarts-in-window.ts';
import { containerRestartsRule } from './container-restarts.ts';
import { forecastOverLimitRule, memoryForecastRules, memoryLeakAlerts } from './container-memory-leak.ts';
import { aboveRequestAlerts, aboveRequestRules, requestRatioRule } from './containers-above-memory-request.ts';
import { withoutLimitAlerts, withoutLimitRules } from './containers-without-memory-limit.ts';
import { podMemoryRatioRule, podNearLimitAlerts } from './pod-memory-near-limit.ts';
import { metaAlerts } from './meta-rules.ts';
import { nodePressureAlerts } from './node-memory-pressure.ts';
import { nodeEvictionAlerts, nodeEvictionRules } from './node-memory-evictions.ts';
import { podsEvictedAlerts, podsEvictedRules } from './pods-evicted.ts';
import { namespaceContainersRule, nodesSeenRule, ownerShards, teamsTable, unknownOwnerRule } from './owner-rules.ts';
import { fitGroup } from './fit-group.ts';
import { partName } from './part-names.ts';
import { GROUP_PREFIX, type RecordingRule, type RuleGroup } from './rule-types.ts';
import type { AlertName } from '../config/schema.ts';

/**
 * The rule groups of a model. Built once per model: the rule outputs, the mixin and the command summary all read them
 * (three builds per generate before, each over every owner). The groups are shared: callers copy before changing them.
 */
export function ruleGroups(model: Model): readonly RuleGroup[] {
  let groups = built.get(model);
  if (!groups) {
    groups = buildRuleGroups(model).flatMap(fitGroup);
    built.set(model, groups);
  }
  return groups;
}

const built = new WeakMap<Model, readonly RuleGroup[]>();

function buildRuleGroups(model: Model): RuleGroup[] {
  return [
    {
      name: `${GROUP_PREFIX}container-memory`,
      rules: [
        memoryRatioRule(model),
        containerRestartsRule(model),
        namespaceContainersRule(model),
        ...unknownOwnerRule(model),
        ...thresholdRule(model),
        ...aboveThresholdRule(model),
        ...nearLimitAlerts(model),
        initContainerTypeRule(model),
        ...restartsInWindowRules(model),
        ...oomEventRules(model),
        ...oomRestartRules(model),
        ...oomKilledAlerts(model),
        ...processOOMKillRules(model),
        ...processOOMKilledAlerts(model),
        ...memoryForecastRules(model),
        ...forecastOverLimitRule(model),
        ...memoryLeakAlerts(model),
        ...ifAnyOwnerHas(model, 'podMemoryNearLimit', podMemoryRatioRule),
        ...podNearLimitAlerts(model),
        ...podsEvictedRules(model),
        ...podsEvictedAlerts(model),
        ...(anyOwnerHas(model, 'containersWithoutMemoryLimit') ? withoutLimitRules(model) : []),
        ...withoutLimitAlerts(model),
        ...ifAnyOwnerHas(model, 'containersAboveMemoryRequest', requestRatioRule),
        ...aboveRequestRules(model),
        ...aboveRequestAlerts(model),
      ],
    },
    { name: `${GROUP_PREFIX}meta`, rules: metaAlerts(model) },
    {
      name: `${GROUP_PREFIX}node-memory`,
      rules: [
        nodesSeenRule(model),
        ...nodePressureAlerts(model),
        ...nodeEvictionRules(model),
        ...nodeEvictionAlerts(model),
      ],
    },
    ...ownerShards(model, 'namespaces').map((shard) => ({
      name: partName(`${GROUP_PREFIX}namespace-ownership`, shard.range.from),
      rules: [shard.rule],
    })),
    ...ownerShards(model, 'nodes').map((shard) => ({
      name: partName(`${GROUP_PREFIX}node-ownership`, shard.range.from),
      rules: [shard.rule],
    })),
    ...teamsTable(model).map((chunk) => ({ name: partName(`${GROUP_PREFIX}teams`, chunk.from), rules: chunk.rules })),
  ];
}

/** Recordings that serve one alert only are not emitted (nor paid for by Prometheus) when every owner turned it off. */
function anyOwnerHas(model: Model, alert: AlertName): boolean {
  return model.owners.some((owner) => owner.alerts[alert].enabled);
}

function ifAnyOwnerHas(model: Model, alert: AlertName, rule: (model: Model) => RecordingRule): RecordingRule[] {
  return anyOwnerHas(model, alert) ? [rule(model)] : [];
}
