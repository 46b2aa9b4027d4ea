// Set up for `npm run test:fast` (vitest.fast.config.ts), which leaves out the tests tagged `spawns`: a test that
// starts a program anyway (promtool, bin/headroom.js, npm…) fails at once, saying to tag it, instead of slowing the
// edit loop down unnoticed. git (diff --base runs it in-process) and the instant tools set-ups call stay allowed.
import childProcess from 'node:child_process';
import { basename } from 'node:path';
import { syncBuiltinESMExports } from 'node:module';

const ALLOWED = new Set(['git', 'mkfifo', 'truncate', 'unshare', 'setpriv']);
const STARTERS = ['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync'] as const;

// Files share one process per worker (isolate: false): this set-up runs before each of them, and wraps once.
const GUARDED = Symbol.for('headroom.no-spawns');
const guarded = childProcess as unknown as Record<string | symbol, unknown>;
for (const name of guarded[GUARDED] ? [] : STARTERS) {
  const start = childProcess[name] as (command: string, ...rest: unknown[]) => unknown;
  guarded[name] = (command: string, ...rest: unknown[]) => {
    const program = basename(
      name.startsWith('exec') && !name.startsWith('execFile') ? command.split(' ')[0]! : command,
    );
    if (!ALLOWED.has(program))
      throw new Error(
        `npm run test:fast starts no program but ${[...ALLOWED].join(', ')}; this test starts ${program}: ` +
          "tag it { tags: ['spawns'] } (or the file: // @module-tag spawns)",
      );
    return start(command, ...rest);
  };
}
guarded[GUARDED] = true;
// The ES module bindings (`import { spawnSync } from 'node:child_process'`) follow the patched functions.
syncBuiltinESMExports();
