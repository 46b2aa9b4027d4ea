// The dashboards (JSON and wrappers) generated from the example configs, byte for byte. UPDATE_GOLDEN=1 rewrites
// the golden files next to this test, so a change to a dashboard is a diff a reviewer reads.
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { generate } from '../../src/generate.ts';
import { expectGoldenTree } from '../helpers/golden.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { CONFIGS } from './helpers/configs.ts';

const GOLDEN = join(REPO_ROOT, 'test/dashboards/golden');

describe('dashboard output', () => {
  const cases = { 'repository-example': CONFIGS['repository example'], 'default-team-claims': CONFIGS['default team claims'] };
  for (const [name, config] of Object.entries(cases)) {
    it(`matches the golden files of ${name}`, async () => {
      const { tree } = await generate(config);
      expectGoldenTree(join(GOLDEN, name), new Map([...tree].filter(([path]) => path.startsWith('dashboards/'))));
    });
  }
});
