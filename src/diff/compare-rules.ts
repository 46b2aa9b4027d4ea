// Rule changes from the PrometheusRule objects (and plain rule files) of both trees. A rule is known by its
// alert or record name plus its labels (headroom's rules of one alert differ by `for`/`window`/`severity`),
// so a rule whose labels changed but whose expression did not is reported as relabelled, not removed + added.
import type { RuleChange, RuleId, ValueChange } from './report.ts';
import type { TreeDocument } from './tree-documents.ts';
import { isRecord, valueChanges } from './value-changes.ts';
import { byCodePoint, byFirst } from '../values/ordering.ts';

interface FoundRule {
  id: RuleId;
  expr: string;
  for: string | undefined;
  annotations: Record<string, unknown>;
}

export function compareRules(old: TreeDocument[], current: TreeDocument[]): RuleChange[] {
  const before = rulesByKey(old);
  const after = rulesByKey(current);
  const removed = [...before.keys()].filter((key) => !after.has(key)).map((key) => before.get(key)!);
  const added = [...after.keys()].filter((key) => !before.has(key)).map((key) => after.get(key)!);
  const changes: RuleChange[] = [];
  for (const [key, rule] of after) {
    const was = before.get(key);
    if (!was) continue;
    const differences = ruleDifferences(was, rule);
    if (differences.length > 0) changes.push({ rule: rule.id, status: 'changed', changes: differences });
  }
  // A rule whose labels changed is one rule relabelled, not one removed and one added: the partner has the same
  // expression, or is the only rule of that name to go while this one is the only one to come. Rules of one owner
  // (the teams table: the same vector(1) for every team) pair only with rules of that owner.
  const sameName = (a: FoundRule, b: FoundRule) =>
    a.id.kind === b.id.kind && a.id.name === b.id.name && a.id.labels.owner === b.id.labels.owner;
  const partners = new Map<FoundRule, FoundRule>();
  for (const rule of added) {
    const partner = removed.find((was) => sameName(was, rule) && was.expr === rule.expr && !partners.has(was));
    if (partner) partners.set(partner, rule);
  }
  for (const rule of added) {
    if ([...partners.values()].includes(rule)) continue;
    const candidates = removed.filter((was) => sameName(was, rule) && !partners.has(was));
    const rivals = added.filter((other) => sameName(other, rule) && ![...partners.values()].includes(other));
    if (candidates.length === 1 && rivals.length === 1) partners.set(candidates[0]!, rule);
  }
  for (const rule of added) {
    const partner = [...partners.entries()].find(([, is]) => is === rule)?.[0];
    if (partner) {
      removed.splice(removed.indexOf(partner), 1);
      const labels: ValueChange = { name: 'labels', old: partner.id.labels, new: rule.id.labels };
      changes.push({ rule: rule.id, status: 'changed', changes: [labels, ...ruleDifferences(partner, rule)] });
    } else {
      changes.push({ rule: rule.id, status: 'added', changes: [] });
    }
  }
  changes.push(...removed.map((rule): RuleChange => ({ rule: rule.id, status: 'removed', changes: [] })));
  return changes.sort((a, b) => byCodePoint(ruleKey(a.rule), ruleKey(b.rule)) || byCodePoint(a.status, b.status));
}

/** Every rule of the documents, once each (the same rule in two outputs is one). */
export function ruleIds(documents: TreeDocument[]): RuleId[] {
  return [...rulesByKey(documents).values()].map((rule) => rule.id);
}

function ruleDifferences(old: FoundRule, current: FoundRule): ValueChange[] {
  return [
    ...valueChanges({ expr: old.expr, for: old.for }, { expr: current.expr, for: current.for }),
    ...valueChanges(old.annotations, current.annotations, '').map((change) => ({
      ...change,
      name: `annotation ${change.name}`,
    })),
  ];
}

function rulesByKey(documents: TreeDocument[]): Map<string, FoundRule> {
  const rules = new Map<string, FoundRule>();
  for (const rule of documents.flatMap((document) => ruleGroupsOf(document.value)).flatMap(rulesOf)) {
    const key = ruleKey(rule.id);
    // The same rule in a PrometheusRule and a plain rule file is one rule.
    if (!rules.has(key)) rules.set(key, rule);
  }
  return rules;
}

/** spec.groups of a PrometheusRule, or groups of a plain Prometheus rule file. */
export function ruleGroupsOf(value: unknown): unknown[] {
  if (!isRecord(value)) return [];
  if (value.kind === 'PrometheusRule' && isRecord(value.spec) && Array.isArray(value.spec.groups))
    return value.spec.groups;
  if (value.kind === undefined && Array.isArray(value.groups)) return value.groups;
  return [];
}

function rulesOf(group: unknown): FoundRule[] {
  if (!isRecord(group) || !Array.isArray(group.rules)) return [];
  return group.rules.filter(isRecord).flatMap((rule): FoundRule[] => {
    const name =
      typeof rule.alert === 'string' ? rule.alert : typeof rule.record === 'string' ? rule.record : undefined;
    if (name === undefined) return [];
    const labels = isRecord(rule.labels)
      ? Object.fromEntries(
          Object.entries(rule.labels)
            .map(([k, v]): [string, string] => [k, String(v)])
            .sort(byFirst),
        )
      : {};
    return [
      {
        id: { kind: typeof rule.alert === 'string' ? 'alert' : 'record', name, labels },
        expr: String(rule.expr ?? ''),
        for: typeof rule.for === 'string' ? rule.for : undefined,
        annotations: isRecord(rule.annotations) ? rule.annotations : {},
      },
    ];
  });
}

function ruleKey(id: RuleId): string {
  return `${id.kind === 'alert' ? '' : 'record '}${id.name} ${labelsText(id.labels)}`;
}

/** {for="10m", severity="warning"}, as Prometheus prints a label set. */
export function labelsText(labels: Record<string, string>): string {
  const entries = Object.entries(labels).sort(byFirst);
  return `{${entries.map(([name, value]) => `${name}=${JSON.stringify(value)}`).join(', ')}}`;
}
