// `headroom doctor`: asks the live store whether every enabled alert can see what it reads, per cluster — the input
// series and their labels, the scrape interval against every range, kube-state-metrics' namespace labels, replicas,
// and whether headroom's own rules run there. Queries are instant counts (no series lists, no range scans beyond
// ten minutes of `up` and an hour of rule-failure counters), so doctor's cost does not grow with the fleet.
import type { Model } from '../model/model.ts';
import { number, print } from '../promql/index.ts';
import { ruleFindings } from './check-rules.ts';
import { replicaFindings } from './check-replicas.ts';
import { scrapeIntervals, shortRanges } from './check-scrape-interval.ts';
import { familyCounts, missingLabels, missingSeries } from './check-series.ts';
import { ownershipLabelFindings } from './check-ownership-labels.ts';
import { enabledAlerts, type Family, families } from './families.ts';
import { type DoctorReport, type Finding, readiness } from './findings.ts';
import type { QueryApi } from './query-api.ts';

interface DoctorOptions {
  /** Where the store's address is shown (no credentials). */
  store: string;
  /** A line per step, for a progress display on stderr. */
  progress?: (line: string) => void;
}

export async function doctor(model: Model, api: QueryApi, options: DoctorOptions): Promise<DoctorReport> {
  const progress = options.progress ?? (() => {});
  // Whether the store answers at all, before any progress is shown: a store that cannot be asked is one line.
  await api.query(print(number(1)));
  const inputs = families(model);
  const enabled = enabledAlerts(model).map((alert) => alert.name);
  progress(`counting ${inputs.length} input series families`);
  const counts = await familyCounts(model, api, inputs);
  // Where the selectors match nothing at all, the clusters are those of the inputs under any job (the series check
  // then says under which). A store without any input under any job is one finding.
  let clusters = clustersOf(model, counts);
  if (clusters.length === 0)
    clusters = clustersOf(
      model,
      await familyCounts(
        model,
        api,
        inputs.map((family) => ({ ...family, matchers: [] })),
      ),
    );
  if (clusters.length === 0) return report(model, options, api, enabled, [''], [emptyStore(enabled)]);
  progress(`checking labels in ${clusters.length} cluster(s)`);
  const findings: Finding[] = [
    ...(await missingSeries(model, api, inputs, counts, clusters)),
    ...(await missingLabels(model, api, inputs, counts)),
  ];
  progress('measuring scrape intervals');
  const exporters = [...new Set(inputs.map((family) => family.exporter))];
  findings.push(...shortRanges(model, await scrapeIntervals(model, api, exporters)));
  progress("checking ownership labels, replicas and headroom's own rules");
  findings.push(
    ...(await ownershipLabelFindings(model, api, clusters)),
    ...(await replicaFindings(model, api)),
    ...(await ruleFindings(model, api, clusters, enabled)),
  );
  return report(model, options, api, enabled, clusters, findings);
}

function report(
  model: Model,
  options: DoctorOptions,
  api: QueryApi,
  enabled: readonly string[],
  clusters: readonly string[],
  findings: readonly Finding[],
): DoctorReport {
  const named = clusters.map((cluster) => cluster || undefined);
  return {
    store: options.store,
    clusterLabel: model.clusterLabel,
    clusters: named,
    alerts: readiness(enabled, named, findings),
    findings,
    queries: api.queries,
  };
}

/** A store without any series headroom reads, under any job: one finding, not one per family and stack. */
function emptyStore(enabled: readonly string[]): Finding {
  return {
    check: 'series',
    cluster: undefined,
    subject: 'every input',
    message:
      'the store holds none of the series headroom reads, under any job: is it the store your clusters write to ' +
      '(with a multi-tenant store, the tenant: --header "X-Scope-OrgID: <tenant>")?',
    blinds: [...enabled],
    degrades: [],
    fixes: [],
  };
}

/**
 * The clusters the counts saw, sorted; series without the cluster label are no cluster (the labels check names them).
 */
function clustersOf(model: Model, counts: ReadonlyMap<Family, ReadonlyMap<string, number>>): string[] {
  const seen = new Set([...counts.values()].flatMap((perCluster) => [...perCluster.keys()]));
  if (model.clusterLabel !== undefined && seen.size > 1) seen.delete('');
  return [...seen].sort();
}

/** Exit 1 when some enabled alert is blind somewhere. */
export function anyBlind(report: DoctorReport): boolean {
  return report.alerts.some((alert) => alert.readiness === 'blind');
}
