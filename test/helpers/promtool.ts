// The real promtool (Debian package `prometheus`), installed by .ci/run.
import { spawnSync } from 'node:child_process';

export interface PromtoolResult {
  code: number;
  output: string;
}

export function promtool(args: string[], cwd?: string): PromtoolResult {
  const result = spawnSync('promtool', args, { cwd, encoding: 'utf8' });
  if (result.error) throw new Error(`cannot run promtool (apt-get install prometheus): ${result.error.message}`);
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}
