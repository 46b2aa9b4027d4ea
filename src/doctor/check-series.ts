// Whether each input family is there, per cluster, with the labels the joins need: one count per family, then, only
// where series exist, one count per label of the series that lack it. Counts only: no series list comes back, however
// large the cluster.
import type { Model } from '../model/model.ts';
import { by, count, eq, type Matcher, print, selector } from '../promql/index.ts';
import { type Family, familyMatchers, familyName } from './families.ts';
import type { Finding, Fix } from './findings.ts';
import type { QueryApi, Sample } from './query-api.ts';
import { fixesFor, podCgroupFixes, selectorFixes } from './stack-fixes.ts';

/** Per cluster (the cluster label's value; '' for one cluster per store), how many series. */
export async function countByCluster(
  model: Model,
  api: QueryApi,
  metric: string,
  matchers: readonly Matcher[],
): Promise<Map<string, number>> {
  const grouping = by(model.clusterLabel ? [model.clusterLabel] : []);
  const samples = await api.query(print(count(grouping, selector(metric, ...matchers))));
  return new Map(samples.map((sample) => [clusterOf(model, sample), sample.value]));
}

export function clusterOf(model: Model, sample: Sample): string {
  return model.clusterLabel ? (sample.labels[model.clusterLabel] ?? '') : '';
}

/** Per family, the series per cluster: what the other checks and the list of clusters start from. */
export async function familyCounts(
  model: Model,
  api: QueryApi,
  families: readonly Family[],
): Promise<Map<Family, Map<string, number>>> {
  const counts = new Map<Family, Map<string, number>>();
  for (const family of families)
    counts.set(family, await countByCluster(model, api, family.metric, familyMatchers(family)));
  return counts;
}

/**
 * Families absent from a cluster the store holds other series of, each with the stacks' fixes. Where the configured
 * selector is what hides it (the metric is there under other jobs), the finding says under which, and the fix is
 * headroom's `selectors`, not the stack.
 */
export async function missingSeries(
  model: Model,
  api: QueryApi,
  families: readonly Family[],
  counts: ReadonlyMap<Family, ReadonlyMap<string, number>>,
  clusters: readonly string[],
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const family of families) {
    const missing = clusters.filter((cluster) => !counts.get(family)?.has(cluster));
    if (missing.length === 0) continue;
    const elsewhere = family.matchers.length > 0 ? await jobsWithout(model, api, family) : new Map<string, string[]>();
    for (const cluster of missing) {
      const jobs = elsewhere.get(cluster) ?? [];
      const selected = family.matchers.length > 0 ? ` matching the ${family.exporter} selector` : '';
      findings.push({
        check: 'series',
        cluster: cluster || undefined,
        subject: familyName(family),
        message:
          `no ${familyName(family)} series${selected}` +
          (jobs.length > 0 ? `; the store has it under ${jobs.map((job) => `job="${job}"`).join(', ')}` : ''),
        ...effects(family),
        fixes: jobs.length > 0 ? selectorFixes() : seriesFixes(family),
      });
    }
  }
  return findings;
}

/** The stacks' fixes for a family: the metric's, and for the pod cgroup the stacks that drop it besides. */
function seriesFixes(family: Family): Fix[] {
  if (!family.podCgroup) return fixesFor(family.metric);
  const forMetric = fixesFor(family.metric);
  const dropsCgroup = podCgroupFixes().filter((fix) => !forMetric.some((other) => other.stack === fix.stack));
  return [...forMetric, ...dropsCgroup];
}

/** Per cluster, the jobs that export the family's metric when the configured selector is left out. */
async function jobsWithout(model: Model, api: QueryApi, family: Family): Promise<Map<string, string[]>> {
  const unselected = { ...family, matchers: [] };
  const keys = [...(model.clusterLabel ? [model.clusterLabel] : []), 'job'];
  const samples = await api.query(print(count(by(keys), selector(family.metric, ...familyMatchers(unselected)))));
  const jobs = new Map<string, string[]>();
  for (const sample of samples) {
    const cluster = clusterOf(model, sample);
    jobs.set(cluster, [...(jobs.get(cluster) ?? []), sample.labels.job ?? ''].sort());
  }
  return jobs;
}

/** Series of a family that lack a label the joins need (an empty value is a missing label in PromQL). */
export async function missingLabels(
  model: Model,
  api: QueryApi,
  families: readonly Family[],
  counts: ReadonlyMap<Family, ReadonlyMap<string, number>>,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const family of families) {
    if ((counts.get(family)?.size ?? 0) === 0) continue;
    // The pod cgroup is container="" by definition; the containers' series are selected with container!="".
    const labels = family.labels.filter((label) => !(family.exporter === 'cadvisor' && label === 'container'));
    for (const label of labels) {
      const lacking = await api.query(print(count(selector(family.metric, ...familyMatchers(family), eq(label, '')))));
      const lackingCount = lacking[0]?.value ?? 0;
      if (lackingCount === 0) continue;
      const total = [...(counts.get(family)?.values() ?? [])].reduce((sum, n) => sum + n, 0);
      const every = lackingCount >= total;
      const share = every ? 'every' : `${lackingCount} of ${total}`;
      findings.push({
        check: label === model.clusterLabel ? 'cluster-label' : 'labels',
        cluster: undefined,
        subject: `${familyName(family)}: ${label}`,
        message: `${share} ${familyName(family)} series lack the ${label} label`,
        ...(every ? effects(family) : { blinds: [], degrades: family.readers.map(partly(label)) }),
        fixes: [],
      });
    }
  }
  return findings;
}

function partly(label: string) {
  return (reader: { alert: string }) => ({ alert: reader.alert, loses: `the series without the ${label} label` });
}

/** What a missing family does to the alerts that read it. */
function effects(family: Family): Pick<Finding, 'blinds' | 'degrades'> {
  return {
    blinds: family.readers.filter((reader) => reader.optional === undefined).map((reader) => reader.alert),
    degrades: family.readers
      .filter((reader) => reader.optional !== undefined)
      .map((reader) => ({ alert: reader.alert, loses: reader.optional! })),
  };
}
