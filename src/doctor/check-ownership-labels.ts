// Under ownership by namespace label: whether kube-state-metrics exports the label at all (only with
// --metric-labels-allowlist=namespaces=[<key>]), and which namespaces' label names no team (they go to the default
// team, whatever the label says).
import type { Model } from '../model/model.ts';
import { by, count, neq, print, selector } from '../promql/index.ts';
import { clusterOf } from './check-series.ts';
import { namespaceLabelFixes } from './stack-fixes.ts';
import { exporterMatchers } from './families.ts';
import type { Finding } from './findings.ts';
import type { QueryApi } from './query-api.ts';

const SHOWN_NAMES = 10;

export async function ownershipLabelFindings(
  model: Model,
  api: QueryApi,
  clusters: readonly string[],
): Promise<Finding[]> {
  const label = model.namespaceOwnerLabel;
  if (label === undefined) return [];
  const keys = [...(model.clusterLabel ? [model.clusterLabel] : []), label];
  const samples = await api.query(
    print(
      count(
        by(keys),
        selector('kube_namespace_labels', ...exporterMatchers(model, 'kube-state-metrics'), neq(label, '')),
      ),
    ),
  );
  const teams = new Set(model.owners.filter((owner) => owner.claimedBy !== undefined).map((owner) => owner.team));
  const findings: Finding[] = [];
  for (const cluster of clusters) {
    const here = samples.filter((sample) => clusterOf(model, sample) === cluster);
    if (here.length === 0) {
      findings.push({
        check: 'namespace-labels',
        cluster: cluster || undefined,
        subject: `kube_namespace_labels{${label}}`,
        message:
          `no namespace has ${label} on kube_namespace_labels: ownership by namespace label decides nothing ` +
          'and every namespace without a team-file claim goes to the default team',
        blinds: [],
        degrades: [],
        fixes: namespaceLabelFixes(model.namespaceOwnerKey ?? label),
      });
      continue;
    }
    const unknown = here
      .filter((sample) => !teams.has(sample.labels[label] ?? ''))
      .map((sample) => `${sample.labels[label]} (${sample.value} namespaces)`)
      .sort();
    if (unknown.length === 0) continue;
    findings.push({
      check: 'unowned-namespaces',
      cluster: cluster || undefined,
      subject: label,
      message:
        `the ${label} label names ${unknown.length} team(s) without a team file: ` +
        `${unknown.slice(0, SHOWN_NAMES).join(', ')}${unknown.length > SHOWN_NAMES ? ', …' : ''}; ` +
        'their namespaces go to the default team',
      blinds: [],
      degrades: [],
      fixes: [],
    });
  }
  return findings;
}
