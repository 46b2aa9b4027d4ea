// A headroom config with N teams over the synthetic cluster, written as a user would: headroom.config.ts plus one
// YAML file per team. Teams claim their group's namespaces by exact names or by a glob, every tenth team its node
// pool; each team takes one of a handful of distinct settings, so the rule count must stay flat as teams grow.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupName, groupNamespaces, hasNodePool, poolNodePrefix } from './cluster.ts';

/** Time is scaled down (scrape every few seconds): OOM windows of 1–2 minutes hold as many samples per series as
 * 10–20 minutes at kube-prometheus' 30s scrape interval. */
export const DEFAULT_OOM_WINDOW = '2m';

/**
 * Distinct per-team overrides, cycled over the teams; `--settings k` uses the first k. The first four keep every
 * alert on and the OOM window at the default, so headroom reads what the floor reads and only the structure
 * differs: a team with the alert off reads nothing, a shorter window fewer samples, whatever the structure.
 */
export const SETTINGS: Record<string, unknown>[] = [
  {},
  { containerMemoryNearLimit: { threshold: 0.9, for: '10m' } },
  { containerMemoryNearLimit: { threshold: 0.95, for: '15m' }, containerOOMKilled: { severity: 'warning' } },
  { containerMemoryNearLimit: { threshold: 0.8, severity: 'critical' } },
  { containerMemoryNearLimit: { enabled: false } },
  { containerOOMKilled: { window: '1m' } },
  {
    containerMemoryNearLimit: { threshold: 0.75, for: '2m' },
    containerOOMKilled: { window: '1m', severity: 'warning' },
  },
  { containerMemoryNearLimit: { threshold: 0.9, severity: 'critical' } },
];

interface TeamSpec {
  name: string;
  namespaces: string[];
  nodes: string[];
  labels: Record<string, string>;
  alerts: Record<string, unknown>;
}

function teamName(group: number, groups: number): string {
  return `team-${groupName(group, groups).slice('app-'.length)}`;
}

/** Team of group g (1-based): odd groups list their namespaces, even ones claim them with one glob. */
export function teamSpec(group: number, groups: number, settings: number): TeamSpec {
  const namespaces = group % 2 === 1 ? groupNamespaces(group, groups) : [`${groupName(group, groups)}-*`];
  const pool = hasNodePool(group);
  const alerts = { ...SETTINGS[(group - 1) % settings] };
  // Node settings only where the team has nodes (headroom refuses them otherwise); two distinct ones.
  if (pool) alerts.nodeMemoryPressure = group % 20 === 0 ? { severity: 'warning' } : { for: '5m' };
  return {
    name: teamName(group, groups),
    namespaces,
    nodes: pool ? [`${poolNodePrefix(group, groups)}-*`] : [],
    labels: { slack_channel: `#${teamName(group, groups)}` },
    alerts,
  };
}

/** The leak's lookback, scaled like the windows: 36 samples per series at a 5s scrape (1h at 30s holds 120). */
export const BENCH_LEAK_LOOKBACK = '3m';

const CONFIG = `import { defineConfig } from 'headroom';

export default defineConfig({
  defaultTeam: 'platform',
  // Every alert on, as headroom ships; windows scaled down with the scrape interval.
  alerts: {
    containerOOMKilled: { window: '${DEFAULT_OOM_WINDOW}' },
    containerProcessOOMKilled: { window: '${DEFAULT_OOM_WINDOW}' },
    containerMemoryLeak: { lookback: '${BENCH_LEAK_LOOKBACK}' },
    nodeMemoryEvictions: { window: '${DEFAULT_OOM_WINDOW}' },
    podsEvicted: { window: '${DEFAULT_OOM_WINDOW}' },
  },
  teamsDir: 'teams',
  links: { grafanaUrl: 'https://grafana.example.com', runbookUrlPattern: 'https://runbooks.example.com/%s' },
});
`;

/** Writes the config for `teams` teams (groups 1..teams of a cluster of `groups` groups); returns its path. */
export function writeBenchConfig(dir: string, teams: number, groups: number, settings: number): string {
  mkdirSync(join(dir, 'teams'), { recursive: true });
  const configFile = join(dir, 'headroom.config.ts');
  writeFileSync(configFile, CONFIG);
  for (let g = 1; g <= teams; g++) {
    const spec = teamSpec(g, groups, settings);
    // JSON is YAML: no need to format by hand.
    writeFileSync(join(dir, 'teams', `${spec.name}.yaml`), `${JSON.stringify(spec, null, 2)}\n`);
  }
  return configFile;
}
