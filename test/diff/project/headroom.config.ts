// The project `headroom diff` tests commit to a throwaway git repository and then change.
import { defineConfig } from 'headroom';

export default defineConfig({
  defaultTeam: 'platform',
  alerts: {
    containerMemoryNearLimit: { threshold: 0.85, for: '5m', severity: 'warning' },
    containerOOMKilled: { window: '10m', severity: 'critical' },
  },
  links: { grafanaUrl: 'https://grafana.test', runbookUrlPattern: 'https://runbooks.test/%s' },
  output: { prometheusRule: { labels: { release: 'kube-prometheus-stack' } } },
});
