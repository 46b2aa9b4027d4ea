// Every rule group headroom emits. Rules of one group run in order, so the container group records the ratio and the
// kills before its alerts read them in the same evaluation. Each alert of the catalogue adds its rules to its group,
// after the shared recordings it needs. Ownership is decided in groups of its own (the teams table, then the
// decisions, see owner-rules.ts): an alert reads an ownership decided at an earlier evaluation, never one recorded in
// its own.
import type { AlertGroup, SharedRecordings } from '../alerts/alert-definition.ts';
import { ALERTS, ALL_ALERTS } from '../alerts/catalogue.ts';
import type { Model } from '../model/model.ts';
import { containerRestartsRule } from '../rules/container-restarts.ts';
import { memoryRatioRule } from '../rules/memory-ratio.ts';
import { GROUP_PREFIX, type Rule, type RuleGroup } from '../rules/rule-types.ts';
import { fitGroup } from './fit-group.ts';
import { namespaceContainersRule, nodesSeenRule, ownerShards, teamsTable, unknownOwnerRule } from './owner-rules.ts';
import { partName } from './part-names.ts';

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
        // What every container has, for the alerts, the dashboards and the ownership decision.
        memoryRatioRule(model),
        containerRestartsRule(model),
        namespaceContainersRule(model),
        ...unknownOwnerRule(model),
        ...alertRules(model, 'container-memory'),
      ],
    },
    { name: `${GROUP_PREFIX}meta`, rules: alertRules(model, 'meta') },
    { name: `${GROUP_PREFIX}node-memory`, rules: [nodesSeenRule(model), ...alertRules(model, 'node-memory')] },
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

/**
 * The rules of the group's alerts in catalogue order, each alert's shared recordings before the first that needs them.
 */
function alertRules(model: Model, group: AlertGroup): Rule[] {
  const emitted = new Set<SharedRecordings>();
  return ALL_ALERTS.filter((alert) => alert.group === group).flatMap((alert) => {
    const needed = (alert.needs ?? []).filter((recordings) => !emitted.has(recordings));
    for (const recordings of needed) emitted.add(recordings);
    return [...needed.flatMap((recordings) => recordings(model)), ...alert.rules(model, ALERTS)];
  });
}
