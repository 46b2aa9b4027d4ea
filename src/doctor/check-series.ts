// Whether each input family is there, per cluster, with the labels the joins need: one count per family, then, only
// where series exist, one count per label of the series that lack it. Counts only: no series list comes back, however
// large the cluster.
import type { Model } from '../model/model.ts';
import { binary, by, count, eq, type Matcher, print, selector } from '../promql/index.ts';
import { type Family, familyMatchers, familyName, MAY_BE_EMPTY } from './families.ts';
import type { Finding, Fix } from './findings.ts';
import type { QueryApi, Sample } from './query-api.ts';
import { fixesFor, podCgroupFixes, STACKS, selectorFixes } from './stack-fixes.ts';

const STACK_ORDER: readonly string[] = STACKS.map((stack) => stack.stack);

/** The config key of each exporter's selector. */
const SELECTOR_KEYS = { cadvisor: 'cadvisor', 'kube-state-metrics': 'kubeStateMetrics', kubelet: 'kubelet', ruler: '' };

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
 * headroom's `selectors`, not the stack. A family only an event creates counts against its alerts only where the
 * event shows (a restarted container has a last termination); elsewhere doctor names the stacks that drop it.
 */
export async function missingSeries(
  model: Model,
  api: QueryApi,
  families: readonly Family[],
  counts: ReadonlyMap<Family, ReadonlyMap<string, number>>,
  clusters: readonly string[],
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const notSeen = new Map<string, Family[]>();
  for (const family of families) {
    const missing = clusters.filter((cluster) => !counts.get(family)?.has(cluster));
    if (missing.length === 0) continue;
    const elsewhere = family.matchers.length > 0 ? await jobsWithout(model, api, family) : new Map<string, string[]>();
    const evidence = await eventEvidence(model, api, family);
    const selected = family.matchers.length > 0 ? ` matching the ${family.exporter} selector` : '';
    for (const cluster of missing) {
      const base = { check: 'series', cluster: cluster || undefined, subject: familyName(family) } as const;
      const jobs = elsewhere.get(cluster) ?? [];
      if (jobs.length > 0) {
        findings.push({
          ...base,
          message:
            `no ${familyName(family)} series${selected}; the store has it under ` +
            `${jobs.map((job) => `job="${job}"`).join(', ')}: set selectors.${SELECTOR_KEYS[family.exporter]} to match`,
          ...effects(family),
          fixes: selectorFixes(),
        });
        continue;
      }
      const shown = evidence?.get(cluster);
      if (family.eventBorn !== undefined && shown === undefined) {
        notSeen.set(cluster, [...(notSeen.get(cluster) ?? []), family]);
        continue;
      }
      findings.push({
        ...base,
        message: `no ${familyName(family)} series${selected}${shown === undefined ? '' : `; ${shown} should have one`}`,
        ...effects(family),
        fixes: seriesFixes(family),
      });
    }
  }
  for (const [cluster, unseen] of notSeen) {
    const finding = notSeenYet(cluster, unseen);
    if (finding !== undefined) findings.push(finding);
  }
  return findings;
}

/**
 * Families no event has created yet in a cluster (no eviction, no terminated container): one finding that counts
 * against no alert and names the stacks that would drop them, so a user of those fixes them before the event.
 */
function notSeenYet(cluster: string, unseen: readonly Family[]): Finding | undefined {
  const fixes = new Map<string, Fix>();
  for (const fix of unseen.flatMap(seriesFixes)) fixes.set(`${fix.stack}\n${fix.snippet}`, fix);
  if (fixes.size === 0) return undefined;
  return {
    check: 'event-series',
    cluster: cluster || undefined,
    subject: unseen.map(familyName).join(', '),
    message:
      `not there yet: ${unseen.map(familyName).join(', ')}. Each appears only once something happens (an eviction, ` +
      'a terminated container, an init container), so doctor cannot tell a cluster where nothing has from a stack ' +
      'that drops them; these stacks do by default',
    blinds: [],
    degrades: [],
    fixes: [...fixes.values()].sort((a, b) => STACK_ORDER.indexOf(a.stack) - STACK_ORDER.indexOf(b.stack)),
  };
}

/**
 * Per cluster where it shows, what shows that an event-born family should be there (e.g. "3 restarted containers");
 * undefined for a family that is always there or has no evidence to ask for.
 */
async function eventEvidence(model: Model, api: QueryApi, family: Family): Promise<Map<string, string> | undefined> {
  const evidence = family.eventBorn?.evidence;
  if (evidence === undefined) return undefined;
  const series = selector(evidence.metric, ...family.matchers);
  const grouping = by(model.clusterLabel ? [model.clusterLabel] : []);
  const samples = await api.query(print(count(grouping, evidence.positive ? binary(series, '>', 0) : series)));
  return new Map(samples.map((sample) => [clusterOf(model, sample), `${sample.value} ${evidence.shows}`]));
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

/**
 * Labels the joins need that a cluster's series of a family all lack (an empty value is a missing label in PromQL),
 * as when a stack's relabelling drops them; some series lacking one is normal (a pod not yet scheduled has no node).
 * The cluster label is the exception: any series without it belongs to no cluster.
 */
export async function missingLabels(
  model: Model,
  api: QueryApi,
  families: readonly Family[],
  counts: ReadonlyMap<Family, ReadonlyMap<string, number>>,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const family of families) {
    const perCluster = counts.get(family) ?? new Map<string, number>();
    if (perCluster.size === 0) continue;
    const exempt = MAY_BE_EMPTY[family.metric] ?? [];
    // The pod cgroup is container="" by definition; the containers' series are selected with container!="".
    const labels = family.labels.filter(
      (label) => !exempt.includes(label) && !(family.exporter === 'cadvisor' && label === 'container'),
    );
    for (const label of labels) {
      const lacking = selector(family.metric, ...familyMatchers(family), eq(label, ''));
      if (label === model.clusterLabel) {
        const lackingCount = (await api.query(print(count(lacking))))[0]?.value ?? 0;
        if (lackingCount === 0) continue;
        const total = [...perCluster.values()].reduce((sum, n) => sum + n, 0);
        findings.push({
          check: 'cluster-label',
          cluster: undefined,
          subject: `${familyName(family)}: ${label}`,
          message:
            `${lackingCount >= total ? 'every' : `${lackingCount} of ${total}`} ${familyName(family)} series lack ` +
            `the ${label} label: the rules join them to no cluster`,
          blinds: [],
          degrades: family.readers.map(partly(label)),
          fixes: [],
        });
        continue;
      }
      const lackingBy = await countByCluster(model, api, family.metric, [...familyMatchers(family), eq(label, '')]);
      for (const [cluster, lackingCount] of lackingBy) {
        if (lackingCount < (perCluster.get(cluster) ?? Number.POSITIVE_INFINITY)) continue;
        findings.push({
          check: 'labels',
          cluster: cluster || undefined,
          subject: `${familyName(family)}: ${label}`,
          message: `every ${familyName(family)} series lacks the ${label} label, which the rules join or select on`,
          ...effects(family),
          fixes: [],
        });
      }
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
