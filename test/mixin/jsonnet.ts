// The real `jsonnet` binary (C++ 0.18, Debian package `jsonnet`), installed by .ci/run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths.ts';

export const JSONNET_COMPAT = join(REPO_ROOT, 'jsonnet-compat');

interface JsonnetResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function jsonnet(args: string[]): JsonnetResult {
  const result = spawnSync('jsonnet', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`cannot run jsonnet (apt-get install jsonnet): ${result.error.message}`);
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Evaluates a jsonnet-compat file against the generated folder `outDir` and parses what it prints. */
export function evaluateEntryPoint(file: string, outDir: string): unknown {
  const result = jsonnet(['-J', outDir, join(JSONNET_COMPAT, file)]);
  if (result.code !== 0) throw new Error(`jsonnet ${file} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout);
}
