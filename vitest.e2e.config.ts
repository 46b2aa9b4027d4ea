import { defineConfig } from 'vitest/config';

// `npm run e2e`: headroom's rules on real Prometheus, VictoriaMetrics/vmalert and Alertmanager servers
// (test/e2e/rulers.e2e.ts). Not part of `npm test`: its files end in .e2e.ts, which vitest.config.ts does not include.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    // The scenarios play for about three minutes, all at once against one set of servers: every check starts at
    // once (more than the default 5 at a time) and waits for its scenario.
    maxConcurrency: 100,
    // A ceiling only: each scenario ends on its own clock (E2E_GAP_SECONDS=420 makes the gap scenario 9 minutes).
    testTimeout: 900_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
