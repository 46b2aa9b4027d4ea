// One run of bin/headroom.js as a child process, the way users run it, measured by GNU time: wall clock, user +
// system CPU time and the child's peak resident set. bin/headroom.js says on stderr (HEADROOM_TRACE_LOADER) whether
// it ran the compiled dist/ or src/ through jiti: the figures differ, so each run says which.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const HEADROOM = fileURLToPath(new URL('../bin/headroom.js', import.meta.url));

export interface TimedRun {
  seconds: number;
  /** User + system CPU time: less disturbed than wall time when other work shares the machine. */
  cpuSeconds: number;
  maxRssMb: number;
  /** What bin/headroom.js said it ran (`headroom: running dist/`), or `headroom: loader not reported`. */
  loader: string;
  stdout: string;
}

/**
 * `headroom …args`, timed; GNU time writes its figures to `timeFile`. `options.headroom`: another build's
 * bin/headroom.js to time instead of this one (e.g. a copy from before a change).
 */
export function timedRun(
  args: string[],
  timeFile: string,
  options: { cwd?: string; env?: NodeJS.ProcessEnv; headroom?: string } = {},
): TimedRun {
  const result = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %U %S %M', '-o', timeFile, process.execPath, options.headroom ?? HEADROOM, ...args],
    {
      cwd: options.cwd,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: { ...process.env, ...options.env, HEADROOM_TRACE_LOADER: '1' },
    },
  );
  if (result.status !== 0)
    throw new Error(`headroom ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}`);
  const [seconds, user, system, kilobytes] = readFileSync(timeFile, 'utf8')
    .trim()
    .split('\n')
    .at(-1)!
    .split(' ')
    .map(Number);
  return {
    seconds: seconds!,
    cpuSeconds: user! + system!,
    maxRssMb: kilobytes! / 1024,
    loader: /^headroom: running .*$/m.exec(result.stderr)?.[0] ?? 'headroom: loader not reported',
    stdout: result.stdout,
  };
}
