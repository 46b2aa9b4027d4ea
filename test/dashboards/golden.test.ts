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
  // The example: dashboards and their ConfigMaps. The others: dashboard JSON only (wrappers.test.ts proves they embed
  // it).
  const cases = [
    { name: 'repository-example', config: CONFIGS['repository example'], files: /^dashboards\// },
    { name: 'default-team-claims', config: CONFIGS['default team claims'], files: /^dashboards\/[^/]+\.json$/ },
    { name: 'two-clusters', config: CONFIGS['two clusters'], files: /^dashboards\/[^/]+\.json$/ },
  ];
  for (const { name, config, files } of cases) {
    it(`matches the golden files of ${name}`, async () => {
      const { tree } = await generate(config);
      expectGoldenTree(join(GOLDEN, name), new Map([...tree].filter(([path]) => files.test(path))));
    });
  }
});
