// Rule changes from PrometheusRule objects: known by name and labels; relabelled rules paired, not churned.
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compareRules } from '../../src/diff/compare-rules.ts';
import { treeDocuments } from '../../src/diff/tree-documents.ts';

const object = (rules: unknown[]) =>
  stringify({
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: 'g' },
    spec: { groups: [{ name: 'g', rules }] },
  });
const alert = (
  labels: Record<string, string>,
  expr = 'up == 0',
  annotations: Record<string, string> = { summary: 'down' },
) => ({
  alert: 'Down',
  expr,
  labels,
  annotations,
});
const documents = (rules: unknown[]) => treeDocuments(new Map([['rules.yaml', object(rules)]]));

describe('rule changes', () => {
  it('added, removed, expression and annotation changed', () => {
    const changes = compareRules(
      documents([
        alert({ severity: 'warning' }),
        alert({ severity: 'critical' }, 'up == 0', { summary: 'down', runbook_url: 'https://a' }),
        { record: 'r', expr: '1' },
      ]),
      documents([
        alert({ severity: 'warning' }, 'up < 1'),
        alert({ severity: 'critical' }, 'up == 0', { summary: 'down', runbook_url: 'https://b' }),
        { record: 'q', expr: '1' },
      ]),
    );
    expect(changes).toEqual([
      {
        rule: { kind: 'alert', name: 'Down', labels: { severity: 'critical' } },
        status: 'changed',
        changes: [{ name: 'annotation runbook_url', old: 'https://a', new: 'https://b' }],
      },
      {
        rule: { kind: 'alert', name: 'Down', labels: { severity: 'warning' } },
        status: 'changed',
        changes: [{ name: 'expr', old: 'up == 0', new: 'up < 1' }],
      },
      { rule: { kind: 'record', name: 'q', labels: {} }, status: 'added', changes: [] },
      { rule: { kind: 'record', name: 'r', labels: {} }, status: 'removed', changes: [] },
    ]);
  });

  it('a rule whose labels changed is paired with its old self by expression', () => {
    const changes = compareRules(
      documents([alert({ for: '5m' }, 'a'), alert({ for: '10m' }, 'b')]),
      documents([alert({ for: '5m' }, 'a'), alert({ for: '15m' }, 'b')]),
    );
    expect(changes).toEqual([
      {
        rule: { kind: 'alert', name: 'Down', labels: { for: '15m' } },
        status: 'changed',
        changes: [{ name: 'labels', old: { for: '10m' }, new: { for: '15m' } }],
      },
    ]);
  });

  it('two rules of one name going and coming are not guessed into pairs', () => {
    const changes = compareRules(
      documents([alert({ team: 'a' }, 'a'), alert({ team: 'b' }, 'b')]),
      documents([alert({ team: 'c' }, 'c'), alert({ team: 'd' }, 'd')]),
    );
    expect(changes.map((c) => `${c.rule.labels.team} ${c.status}`)).toEqual([
      'a removed',
      'b removed',
      'c added',
      'd added',
    ]);
  });
});
