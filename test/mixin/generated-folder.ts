// Reads a generated folder from disk the way its consumers see it: PrometheusRule files and dashboard JSON.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface GroupOnDisk {
  name: string;
  rules: Record<string, unknown>[];
}

/** spec.groups of every prometheus-rules/*.yaml, files in name order. */
export function ruleGroupsOnDisk(outDir: string): GroupOnDisk[] {
  const dir = join(outDir, 'prometheus-rules');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .flatMap(
      (file) => (parse(readFileSync(join(dir, file), 'utf8')) as { spec: { groups: GroupOnDisk[] } }).spec.groups,
    );
}

/** dashboards/*.json by file name, parsed; empty when the folder has none. */
export function dashboardsOnDisk(outDir: string): Record<string, unknown> {
  const dir = join(outDir, 'dashboards');
  let files: string[];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.json'));
  } catch {
    return {};
  }
  return Object.fromEntries(
    files.sort().map((file) => [file, JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown]),
  );
}

export const holdsAlert = (group: GroupOnDisk) => group.rules.some((rule) => 'alert' in rule);
