// headroom's example config: the alerts of a cluster shared by a few product teams.
// Reference: docs/configuration.md and docs/team-files.md. Regenerate with `npm run generate`.
import { defineConfig } from 'headroom';

export default defineConfig({
  selectors: {
    cadvisor: 'job="kubelet", metrics_path="/metrics/cadvisor"',
    kubeStateMetrics: 'job="kube-state-metrics"',
  },
  defaultTeam: 'platform',
  alerts: {
    containerMemoryNearLimit: { threshold: 0.85, for: '5m', severity: 'warning' },
    containerOOMKilled: { window: '10m', severity: 'critical' },
    nodeMemoryPressure: { for: '2m', severity: 'critical' },
  },
  teamsDir: 'teams',
  teams: [],
  links: {
    grafanaUrl: 'https://grafana.example.com',
    runbookUrlPattern: 'https://runbooks.example.com/headroom/%s',
  },
  output: {
    dir: 'generated',
    prometheusRule: { namespace: 'monitoring', labels: { release: 'kube-prometheus-stack' } },
  },
});
