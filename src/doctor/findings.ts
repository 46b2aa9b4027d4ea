// What doctor found: each finding names the cluster, what is wrong, the alerts it blinds (they cannot fire) or
// degrades (they fire, losing something), and how each stack fixes it.

/** How one stack fixes a finding: a values snippet or a flag, copy-paste ready. */
export interface Fix {
  stack: string;
  why: string;
  snippet: string;
  language: 'yaml' | 'text';
}

export type Check =
  | 'series'
  | 'event-series'
  | 'labels'
  | 'cluster-label'
  | 'scrape-interval'
  | 'namespace-labels'
  | 'unowned-namespaces'
  | 'rules'
  | 'replicas';

export interface Finding {
  check: Check;
  /** The cluster it holds in; undefined with one cluster per store, or where no cluster can be told. */
  cluster: string | undefined;
  /** What it is about: a metric, a setting, a rule group. */
  subject: string;
  message: string;
  /** Alerts that cannot fire where this holds. */
  blinds: readonly string[];
  /** Alerts that fire but lose something: alert → what. */
  degrades: readonly { alert: string; loses: string }[];
  fixes: readonly Fix[];
}

export type Readiness = 'ready' | 'degraded' | 'blind';

export interface AlertReadiness {
  alert: string;
  cluster: string | undefined;
  readiness: Readiness;
}

export interface DoctorReport {
  /** The store asked, without credentials. */
  store: string;
  clusterLabel: string | undefined;
  clusters: readonly (string | undefined)[];
  alerts: readonly AlertReadiness[];
  findings: readonly Finding[];
  /** How many queries doctor sent. */
  queries: number;
}

/** Each enabled alert per cluster: blind where a finding blinds it, degraded where one degrades it, else ready. */
export function readiness(
  alerts: readonly string[],
  clusters: readonly (string | undefined)[],
  findings: readonly Finding[],
): AlertReadiness[] {
  return clusters.flatMap((cluster) =>
    alerts.map((alert) => {
      const here = findings.filter((finding) => finding.cluster === undefined || finding.cluster === cluster);
      const state: Readiness = here.some((finding) => finding.blinds.includes(alert))
        ? 'blind'
        : here.some((finding) => finding.degrades.some((degraded) => degraded.alert === alert))
          ? 'degraded'
          : 'ready';
      return { alert, cluster, readiness: state };
    }),
  );
}
