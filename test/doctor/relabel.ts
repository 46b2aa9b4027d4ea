// Prometheus' metric relabelling, enough of it to run a stack's rules on one series in a test: keep, drop and replace,
// with the defaults of prometheus/model/relabel (separator ";", regex "(.*)" anchored at both ends, replacement "$1",
// action replace; a replace that yields "" removes the label). Rules come as prometheus-operator and GMP write them
// (sourceLabels, targetLabel) or as Grafana Alloy's `rule { … }` blocks (source_labels, target_label).

export interface RelabelRule {
  sourceLabels?: string[];
  separator?: string;
  regex?: string;
  action?: 'keep' | 'drop' | 'replace';
  targetLabel?: string;
  replacement?: string;
}

export type Series = Readonly<Record<string, string>>;

/** The series after `rules`, or undefined where a rule drops it. */
export function relabel(series: Series, rules: readonly RelabelRule[]): Series | undefined {
  let labels: Record<string, string> = { ...series };
  for (const rule of rules) {
    const value = (rule.sourceLabels ?? []).map((name) => labels[name] ?? '').join(rule.separator ?? ';');
    const match = new RegExp(`^(?:${rule.regex ?? '(.*)'})$`).exec(value);
    const action = rule.action ?? 'replace';
    if (action === 'keep' && !match) return undefined;
    if (action === 'drop' && match) return undefined;
    if (action === 'replace' && match) {
      if (rule.targetLabel === undefined) throw new Error('a replace rule needs a target label');
      const result = (rule.replacement ?? '$1').replace(/\$\{?(\d+)\}?/g, (_, group) => match[Number(group)] ?? '');
      labels = { ...labels, [rule.targetLabel]: result };
      if (result === '') delete labels[rule.targetLabel];
    }
  }
  return labels;
}

const ALLOY_KEYS: Record<string, keyof RelabelRule> = {
  source_labels: 'sourceLabels',
  separator: 'separator',
  regex: 'regex',
  action: 'action',
  target_label: 'targetLabel',
  replacement: 'replacement',
};

/** The `rule { key = value }` blocks of an Alloy prometheus.relabel component (values: strings and string lists). */
export function alloyRules(text: string): RelabelRule[] {
  return [...text.matchAll(/rule\s*\{([^}]*)\}/g)].map(([, body]) => {
    const rule: Record<string, unknown> = {};
    for (const line of body!.split('\n')) {
      const assignment = /^\s*(\w+)\s*=\s*(.+?)\s*$/.exec(line);
      if (!assignment) continue;
      const key = ALLOY_KEYS[assignment[1]!];
      if (key === undefined) throw new Error(`unknown Alloy rule attribute ${assignment[1]}`);
      rule[key] = JSON.parse(assignment[2]!);
    }
    return rule as RelabelRule;
  });
}
