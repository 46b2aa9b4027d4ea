// prometheus.yml of the test's Prometheus 3.5: it scrapes every target of the loopback exporter (the cluster, job,
// instance and metrics_path labels are the target's static labels, as service discovery and relabeling give them in
// a cluster), evaluates the plain rule file, notifies its own Alertmanager, and remote-writes the scraped series into
// each VictoriaMetrics — never its own rule results, which the vmalerts would otherwise read. doctor's stores
// (test/e2e/doctor.e2e.ts) also scrape slower, relabel a target's series as a monitoring stack does, and scrape
// Prometheus itself (its rule-evaluation counters).
import { stringify } from 'yaml';
import { Exporter, TARGET_KINDS, type TargetKind, targetLabels } from './exporter.ts';

const SCRAPE_INTERVAL = '5s';
export const EVALUATION_INTERVAL = '5s';

/** One metric_relabel_configs entry, in prometheus.yml's own spelling. */
export interface MetricRelabelConfig {
  source_labels?: string[];
  separator?: string;
  regex?: string;
  action?: 'keep' | 'drop' | 'replace';
  target_label?: string;
  replacement?: string;
}

interface PrometheusSetup {
  exporterPort: number;
  clusters: readonly string[];
  ruleFile: string;
  alertmanagerPort?: number;
  remoteWriteUrls?: string[];
  /** Every target's scrape interval (default 5s; rules are evaluated every 5s whatever it is). */
  scrapeInterval?: string;
  /** What the store does to a target's series after the scrape, as a stack's relabelling does. */
  metricRelabelConfigs?: (kind: TargetKind) => MetricRelabelConfig[];
  /** The port Prometheus listens on, to scrape its own /metrics as job="prometheus". */
  selfScrapePort?: number;
}

export function prometheusConfig(setup: PrometheusSetup): string {
  const scrapeConfigs = setup.clusters.flatMap((cluster) =>
    TARGET_KINDS.map((kind) => {
      const relabel = setup.metricRelabelConfigs?.(kind) ?? [];
      return {
        job_name: `${cluster}/${kind}`,
        static_configs: [
          {
            targets: [`127.0.0.1:${setup.exporterPort}`],
            labels: { ...targetLabels(cluster, kind), __metrics_path__: Exporter.path(cluster, kind) },
          },
        ],
        ...(relabel.length > 0 ? { metric_relabel_configs: relabel } : {}),
      };
    }),
  );
  const selfScrape =
    setup.selfScrapePort === undefined
      ? []
      : [{ job_name: 'prometheus', static_configs: [{ targets: [`127.0.0.1:${setup.selfScrapePort}`] }] }];
  return stringify(
    {
      global: {
        scrape_interval: setup.scrapeInterval ?? SCRAPE_INTERVAL,
        scrape_timeout: '4s',
        evaluation_interval: EVALUATION_INTERVAL,
      },
      rule_files: [setup.ruleFile],
      ...(setup.alertmanagerPort === undefined
        ? {}
        : {
            alerting: { alertmanagers: [{ static_configs: [{ targets: [`127.0.0.1:${setup.alertmanagerPort}`] }] }] },
          }),
      ...((setup.remoteWriteUrls ?? []).length === 0
        ? {}
        : {
            remote_write: setup.remoteWriteUrls?.map((url) => ({
              url,
              write_relabel_configs: [{ source_labels: ['__name__'], regex: 'headroom:.*|ALERTS.*', action: 'drop' }],
            })),
          }),
      scrape_configs: [...scrapeConfigs, ...selfScrape],
    },
    { lineWidth: 0 },
  );
}
