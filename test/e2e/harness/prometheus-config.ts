// prometheus.yml of the test's Prometheus 3.5: it scrapes every target of the loopback exporter (the cluster, job,
// instance and metrics_path labels are the target's static labels, as service discovery and relabeling give them in
// a cluster), evaluates the plain rule file, notifies its own Alertmanager, and remote-writes the scraped series into
// each VictoriaMetrics — never its own rule results, which the vmalerts would otherwise read.
import { stringify } from 'yaml';
import { Exporter, TARGET_KINDS, targetLabels } from './exporter.ts';

const SCRAPE_INTERVAL = '5s';
export const EVALUATION_INTERVAL = '5s';

interface PrometheusSetup {
  exporterPort: number;
  clusters: readonly string[];
  ruleFile: string;
  alertmanagerPort: number;
  remoteWriteUrls: string[];
}

export function prometheusConfig(setup: PrometheusSetup): string {
  const scrapeConfigs = setup.clusters.flatMap((cluster) =>
    TARGET_KINDS.map((kind) => ({
      job_name: `${cluster}/${kind}`,
      static_configs: [
        {
          targets: [`127.0.0.1:${setup.exporterPort}`],
          labels: { ...targetLabels(cluster, kind), __metrics_path__: Exporter.path(cluster, kind) },
        },
      ],
    })),
  );
  return stringify(
    {
      global: { scrape_interval: SCRAPE_INTERVAL, scrape_timeout: '4s', evaluation_interval: EVALUATION_INTERVAL },
      rule_files: [setup.ruleFile],
      alerting: { alertmanagers: [{ static_configs: [{ targets: [`127.0.0.1:${setup.alertmanagerPort}`] }] }] },
      remote_write: setup.remoteWriteUrls.map((url) => ({
        url,
        write_relabel_configs: [{ source_labels: ['__name__'], regex: 'headroom:.*|ALERTS.*', action: 'drop' }],
      })),
      scrape_configs: scrapeConfigs,
    },
    { lineWidth: 0 },
  );
}
