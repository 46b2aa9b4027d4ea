// `npx jiti bench/diff-ownership.ts [-- --names 8000,100000]`: how long `headroom diff` takes to compare the
// ownership of two settings manifests where one team lists many exact namespaces and hands one to another team:
// the settings comparison (with renames and moves) and the review warnings, in process, median of 3 runs.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { DEFAULT_ALERTS } from '../src/alerts/catalogue.ts';
import { compareSettings } from '../src/diff/compare-settings.ts';
import type { ManifestData, ManifestOwnerData } from '../src/diff/read-manifest.ts';
import { reviewWarnings } from '../src/diff/warnings.ts';

const { values } = parseArgs({ options: { names: { type: 'string', default: '8000,100000' } } });
const counts = values.names.split(',').map(Number);

const team = (namespaces: string[]): ManifestOwnerData => ({
  namespaces,
  nodes: [],
  clusters: [],
  labels: {},
  alerts: structuredClone(DEFAULT_ALERTS) as unknown as ManifestOwnerData['alerts'],
});
const manifest = (teams: Record<string, ManifestOwnerData>): ManifestData => ({
  defaultTeam: 'platform',
  global: {},
  defaults: {},
  teams,
  unclaimed: team([]),
});

function medianMs(work: () => void): number {
  const times = [0, 1, 2].map(() => {
    const start = performance.now();
    work();
    return performance.now() - start;
  });
  return Math.round(times.sort((a, b) => a - b)[1]!);
}

console.log(`${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`);
for (const count of counts) {
  const names = Array.from({ length: count }, (_, index) => `ns-${index}`);
  const old = manifest({ a: team(names), b: team(['b']) });
  const current = manifest({ a: team(names.slice(1)), b: team(['b', names[0]!]) });
  const settings = medianMs(() => compareSettings(old, current));
  const warnings = medianMs(() => reviewWarnings({ old, current, oldAlerts: [], newAlerts: [] }));
  console.log(`${count} names: compare settings and moves ${settings} ms, review warnings ${warnings} ms`);
}
