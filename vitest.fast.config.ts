import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

// `npm run test:fast`, the edit loop: `npm test` without the tests tagged `spawns` (promtool, amtool, kustomize,
// jsonnet, bin/headroom.js as a process, npm, tsc); no-spawns.ts fails a test that starts such a program untagged.
// docs/testing.md says what each kind covers.
export default mergeConfig(base, defineConfig({ test: { setupFiles: ['test/helpers/no-spawns.ts'] } }));
