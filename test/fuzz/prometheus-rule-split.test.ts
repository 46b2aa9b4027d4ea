// PrometheusRule objects of arbitrary large configs in which every team overrides every alert setting (as many
// distinct settings as teams, so as many rules per setting): every object stays under the 262,144 bytes client-side
// `kubectl apply` keeps, whatever grows. In process: the objects are generated as if applied server-side (no refusal)
// and measured as the size guard measures them.
import { test } from '@fast-check/vitest';
import { parse } from 'yaml';
import { describe, expect } from 'vitest';
import { generate } from '../../src/generate.ts';
import { LAST_APPLIED_LIMIT } from '../../src/output/dashboard-size-guard.ts';
import { PROMETHEUS_RULES_DIR } from '../../src/output/prometheus-rule.ts';
import { validProjectArb } from './arbitraries.ts';
import { casesOf } from './fuzz-budget.ts';
import { counter, projectsFolder, runs, shown } from './property-kit.ts';
import { writeProject } from './write-project.ts';

const parent = projectsFolder();

describe('fuzz: PrometheusRule objects of large configs with distinct settings everywhere', () => {
  const split = counter('250–450 teams, every alert overridden: every PrometheusRule object under 262,144 bytes');
  const projects = validProjectArb({ large: 'only', teams: { min: 250, max: 450 }, everyAlert: true });
  test.prop([projects], { ...runs(casesOf('everyAlert')), timeout: 120_000 })(split.property, async (project) => {
    split.cases++;
    const output = project.config.output as Record<string, unknown>;
    output.prometheusRule = { enabled: true, serverSideApply: true };
    const configFile = writeProject(project, parent);
    const generation = await generate(configFile);
    const over = [...generation.tree]
      .filter(([path]) => path.startsWith(PROMETHEUS_RULES_DIR))
      .map(([path, text]) => ({ path, bytes: Buffer.byteLength(JSON.stringify(parse(text))) }))
      .filter(({ bytes }) => bytes > LAST_APPLIED_LIMIT);
    if (over.length > 0) split.failures++;
    expect(over, shown(project, configFile)).toEqual([]);
  });
});
