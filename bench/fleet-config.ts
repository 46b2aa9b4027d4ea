// A fleet config for `npm run bench:generate`, written as a user would: headroom.config.ts plus one YAML file per
// team. Several clusters in one store; every team claims 5 namespace patterns (exact names, prefix globs such as
// `payments-0003-web-*`, suffix globs such as `payments-0004-*-eu`, a one-character glob), every sixth team only in
// its clusters, every tenth a node pool, a third of the teams override thresholds, for, severity or window, and every
// team has two labels and an Alertmanager receiver of its own.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WORDS = [
  'payments',
  'search',
  'checkout',
  'ledger',
  'identity',
  'catalog',
  'billing',
  'fraud',
  'shipping',
  'inventory',
  'pricing',
  'reviews',
  'messaging',
  'analytics',
  'media',
  'profile',
];

/** Distinct overrides, cycled over the teams that override something. */
const OVERRIDES = [
  'alerts:\n  containerMemoryNearLimit:\n    threshold: 0.9\n    for: 10m\n',
  'alerts:\n  containerMemoryNearLimit:\n    threshold: 0.95\n    severity: critical\n  containerOOMKilled:\n    ' +
    'window: 15m\n',
  'alerts:\n  containerOOMKilled:\n    severity: warning\n    window: 5m\n',
  'alerts:\n  containerMemoryNearLimit:\n    threshold: 0.8\n    for: 2m\n    severity: info\n',
];

function fleetTeamName(index: number): string {
  return `${WORDS[index % WORDS.length]}-${String(index).padStart(4, '0')}`;
}

/** Five patterns per team, in three layouts; no two teams' patterns overlap (names have the same length). */
function fleetNamespaces(index: number): string[] {
  const team = fleetTeamName(index);
  if (index % 3 === 0) return [team, `${team}-db`, `${team}-cache`, `${team}-web-*`, `${team}-api-*`];
  if (index % 3 === 1) return [team, `${team}-db`, `${team}-*-eu`, `${team}-*-us`, `${team}-batch-?`];
  return [team, `${team}-db`, `${team}-cache`, `${team}-api`, `${team}-worker`];
}

function teamFile(index: number): string {
  const team = fleetTeamName(index);
  const lines = [`name: ${team}`, 'namespaces:', ...fleetNamespaces(index).map((pattern) => `  - "${pattern}"`)];
  if (index % 6 === 1) lines.push('clusters:', '  - "prod-eu-*"', '  - staging-eu-1');
  if (index % 10 === 0) lines.push('nodes:', `  - "${team}-pool-*"`);
  lines.push('labels:', `  slack_channel: "#${team}"`, `  pager: ${team}-primary`);
  lines.push('routing:', `  receiver: ${team}-oncall`);
  const text = `${lines.join('\n')}\n`;
  return index % 3 === 2 ? text + OVERRIDES[Math.floor(index / 3) % OVERRIDES.length] : text;
}

const CONFIG = `import { defineConfig } from 'headroom';

export default defineConfig({
  cluster: { label: 'cluster' },
  defaultTeam: 'platform',
  routing: { defaultReceiver: 'platform-oncall' },
  teamsDir: 'teams',
  links: { grafanaUrl: 'https://grafana.example.com', runbookUrlPattern: 'https://runbooks.example.com/%s' },
});
`;

/** The team file of the team numbered `index`, relative to the config's folder. */
export function fleetTeamFile(index: number): string {
  return join('teams', `${fleetTeamName(index)}.yaml`);
}

/** Writes the team numbered `index` (from 0) of the fleet into the config folder `dir`. */
export function writeFleetTeam(dir: string, index: number): void {
  writeFileSync(join(dir, fleetTeamFile(index)), teamFile(index));
}

/** Writes the fleet config for `teams` teams into `dir`; returns the config file's path. */
export function writeFleetConfig(dir: string, teams: number): string {
  mkdirSync(join(dir, 'teams'), { recursive: true });
  const configFile = join(dir, 'headroom.config.ts');
  writeFileSync(configFile, CONFIG);
  for (let index = 0; index < teams; index++) writeFleetTeam(dir, index);
  return configFile;
}

/** One team that lists `namespaces` namespaces by exact name (a folder of namespaces kept by hand, or by a script). */
export function writeLongListConfig(dir: string, namespaces: number): string {
  mkdirSync(join(dir, 'teams'), { recursive: true });
  const configFile = join(dir, 'headroom.config.ts');
  writeFileSync(configFile, CONFIG);
  const names = Array.from({ length: namespaces }, (_, i) => `  - tenant-${String(i).padStart(5, '0')}`);
  writeFileSync(join(dir, 'teams', 'tenants.yaml'), `name: tenants\nnamespaces:\n${names.join('\n')}\n`);
  return configFile;
}
