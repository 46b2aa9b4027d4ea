// The PrometheusRule objects generated from the example fixture, byte for byte.
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { generateFixture } from '../helpers/generate-fixture.ts';
import { expectGoldenTree } from '../helpers/golden.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

describe('PrometheusRule output', () => {
  it('matches the golden files of fixture example', async () => {
    const { tree } = await generateFixture('example');
    const rules = new Map([...tree].filter(([path]) => path.startsWith('prometheus-rules/')));
    expectGoldenTree(join(REPO_ROOT, 'test/output/golden/example'), rules);
  });
});
