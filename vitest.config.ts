import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // promtool and CLI subprocesses take a few seconds on a 2-core machine.
    testTimeout: 60_000,
    // Most of a test's time is a child process (promtool, the CLI) that the worker waits for: vitest's default of one
    // worker per core less one ran the suite one file at a time on a 2-core machine (10 min); a worker per core
    // keeps both busy.
    maxWorkers: Math.max(2, availableParallelism()),
    tags: [
      {
        name: 'spawns',
        description:
          'starts a program besides git: promtool, amtool, kustomize, jsonnet, bin/headroom.js, npm, tsc (left out of npm run test:fast)',
      },
    ],
  },
});
