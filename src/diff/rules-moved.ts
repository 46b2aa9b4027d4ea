// Teams whose rules move to other rule groups: each PrometheusRule object holds one group, and the groups that grow
// with the fleet (the ownership decision, the teams table) are split by ranges of names, so a team added or removed
// can move its neighbours' rules to another object. Such a move is applied (and evaluated) as two objects changing;
// the reviewer should know which teams it concerns. A team's rules are those with its `owner` label (the teams table)
// and the ownership rules deciding for it (setting `owner` to it); only PrometheusRule objects that changed are read,
// since a team's rules in an unchanged object are where they were.
import { isRecord } from './value-changes.ts';
import { labelReplaceValues } from '../promql/index.ts';
import { LABEL } from '../values/reserved-labels.ts';
import { byCodePoint } from '../values/ordering.ts';
import { ruleGroupsOf } from './compare-rules.ts';
import type { RulesMoved } from './report.ts';
import type { TreeDocument } from './tree-documents.ts';

export function rulesMoved(
  old: TreeDocument[],
  current: TreeDocument[],
  changedFiles: ReadonlySet<string>,
): RulesMoved[] {
  const before = groupsOfTeams(old, changedFiles);
  const after = groupsOfTeams(current, changedFiles);
  const teams = [...new Set([...before.keys(), ...after.keys()])].sort(byCodePoint);
  return teams.flatMap((team): RulesMoved[] => {
    const was = before.get(team) ?? new Set<string>();
    const is = after.get(team) ?? new Set<string>();
    const from = [...was].filter((group) => !is.has(group)).sort(byCodePoint);
    const to = [...is].filter((group) => !was.has(group)).sort(byCodePoint);
    // A team that only arrives or only leaves (added, removed) moves nothing.
    return from.length > 0 && to.length > 0 ? [{ team, from, to }] : [];
  });
}

/** Team → the rule groups holding rules of it, in the changed files. */
function groupsOfTeams(documents: TreeDocument[], changedFiles: ReadonlySet<string>): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const document of documents) {
    // PrometheusRule objects only: plain rule files and the mixin's JSON hold every group in one file.
    if (!changedFiles.has(document.path) || !isRecord(document.value) || document.value.kind !== 'PrometheusRule')
      continue;
    for (const group of ruleGroupsOf(document.value)) {
      if (!isRecord(group) || typeof group.name !== 'string' || !Array.isArray(group.rules)) continue;
      for (const team of new Set(group.rules.flatMap(teamsOf))) {
        const held = groups.get(team) ?? new Set<string>();
        held.add(group.name);
        groups.set(team, held);
      }
    }
  }
  return groups;
}

function teamsOf(rule: unknown): string[] {
  if (!isRecord(rule)) return [];
  const owner = isRecord(rule.labels) ? rule.labels[LABEL.owner] : undefined;
  if (typeof owner === 'string') return [owner];
  return typeof rule.expr === 'string' ? labelReplaceValues(rule.expr, LABEL.owner) : [];
}
