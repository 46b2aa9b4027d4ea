// The reserved labels are exactly what the rules use: every label name a generated rule matches on, groups by, joins
// on, copies, sets with label_replace or as a rule label is in src/config/reserved-labels.ts, or is the user's own
// (the cluster label, a team label, kube-state-metrics' owner label, a label of the configured selectors). A rule that
// used a new label without listing it would let a team label of that name through to change or break it.
import { parser } from '@prometheus-io/lezer-promql';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESERVED_LABELS, SETTINGS_LABEL_PREFIX } from '../../src/values/reserved-labels.ts';
import { generate } from '../../src/generate.ts';
import { ruleGroups } from '../../src/rule-groups/rule-groups.ts';
import { FIXTURES, REPO_ROOT } from '../helpers/paths.ts';

/** Every label name an expression names: matchers, by/without/on/ignoring/group_x lists, label_replace's labels. */
function labelNames(expr: string): string[] {
  const names: string[] = [];
  const tree = parser.parse(expr);
  tree.iterate({
    enter: (node) => {
      if (node.name === 'LabelName') names.push(expr.slice(node.from, node.to));
      if (node.name === 'FunctionCall' && /^label_(replace|join)\b/.test(expr.slice(node.from, node.to))) {
        // The label arguments are strings: label_replace(v, dst, replacement, src, regex).
        const strings = [...expr.slice(node.from, node.to).matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]!);
        const args = /^label_replace/.test(expr.slice(node.from, node.to)) ? [strings.at(-4), strings.at(-2)] : [];
        names.push(...args.filter((name): name is string => name !== undefined && name !== ''));
      }
    },
  });
  return names;
}

const CONFIGS = {
  'the repository example': join(REPO_ROOT, 'headroom.config.ts'),
  ...Object.fromEntries(
    ['example', 'fleet', 'routing', 'scoped-labels', 'cadvisor-limits', 'e2e', 'inputs'].map((name) => [
      `fixture ${name}`,
      join(FIXTURES, name, 'headroom.config.ts'),
    ]),
  ),
};

describe("the labels the rules use are the reserved ones, or the user's own", () => {
  for (const [name, file] of Object.entries(CONFIGS)) {
    it(name, async () => {
      const { model } = await generate(file);
      const own = new Set([
        ...(model.clusterLabel ? [model.clusterLabel] : []),
        ...(model.namespaceOwnerLabel ? [model.namespaceOwnerLabel] : []),
        ...model.owners.flatMap((owner) => Object.keys(owner.labels)),
        ...Object.values(model.selectors).flatMap((selector) =>
          [...selector.matchAll(/(\w+)\s*(=~|!~|!=|=)/g)].map((match) => match[1]!),
        ),
      ]);
      const used = new Set<string>();
      for (const rule of ruleGroups(model).flatMap((group) => group.rules)) {
        for (const label of labelNames(rule.expr)) used.add(label);
        for (const label of Object.keys(rule.labels ?? {})) used.add(label);
      }
      const unlisted = [...used].filter(
        (label) => !RESERVED_LABELS.includes(label) && !label.startsWith(SETTINGS_LABEL_PREFIX) && !own.has(label),
      );
      expect(unlisted).toEqual([]);
      expect(used.size).toBeGreaterThan(10);
    });
  }
});
