import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One temporary folder per run, removed at its end (test/helpers/temp-root.ts).
    globalSetup: ['test/helpers/temp-root.ts'],
    // promtool and CLI subprocesses take a few seconds on a 2-core machine.
    testTimeout: 60_000,
    // Most of a test's time is a child process (promtool, the CLI) that the worker waits for: vitest's default of one
    // worker per core less one ran the suite one file at a time on a 2-core machine (10 min); a worker per core
    // keeps both busy.
    maxWorkers: Math.max(2, availableParallelism()),
    // The files of a worker share one process and its loaded modules (src/, yaml, zod, jiti's compiler) instead of
    // loading them afresh for each of the 80 files: half of a run's time was that loading. The tests keep no state
    // between files (no mocks, no fake timers; what they change in process.env or process.exit they put back).
    isolate: false,
    tags: [
      {
        name: 'spawns',
        description:
          'starts a program besides git: promtool, amtool, kustomize, jsonnet, bin/headroom.js, npm, tsc (left out of npm run test:fast)',
      },
    ],
  },
});
