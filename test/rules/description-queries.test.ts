// The queries alert descriptions run for each firing alert at every evaluation select the alert's container or pod by
// name: they leave out headroom's own `container!=""` / `pod!=""` filters, which the name implies and which make
// Prometheus merge the postings of every value of the label (17 ms a query with 20,000 pods against 0.06 ms, see
// src/rules/source-series.ts). The rules themselves keep them.
import { describe, expect, it } from 'vitest';
import { eq } from '../../src/promql/index.ts';
import { print } from '../../src/promql/print.ts';
import { sourceSeries } from '../../src/rules/source-series.ts';
import { alerts, modelWith, rules } from '../helpers/model-rules.ts';

describe('description queries', () => {
  it('name the container or pod instead of filtering every one', async () => {
    const source = sourceSeries(await modelWith({}));
    const container = [eq('namespace', 'n'), eq('pod', 'p'), eq('container', 'c')];
    expect(print(source.workingSet(...container))).not.toContain('container!=');
    expect(print(source.workingSet())).toContain('container!="", container!="POD"');
    expect(print(source.podWorkingSet(eq('namespace', 'n'), eq('pod', 'p')))).toContain('container="", namespace="n"');
    expect(print(source.podWorkingSet(eq('namespace', 'n'), eq('pod', 'p')))).not.toContain('pod!=');
    expect(print(source.podWorkingSet())).toContain('container="", pod!=""');
  });

  it('in the generated descriptions; the rules keep the filters', async () => {
    const model = await modelWith({});
    const descriptions = ['ContainerMemoryNearLimit', 'ContainerMemoryLeak', 'PodMemoryNearLimit']
      .flatMap((name) => alerts(model, name))
      .map((rule) => rule.annotations.description!);
    expect(descriptions.length).toBeGreaterThan(0);
    for (const description of descriptions) expect(description).not.toMatch(/(pod|container)!=""/);
    const expressions = rules(model).map((rule) => rule.expr);
    expect(expressions.some((expr) => expr.includes('container="", pod!=""'))).toBe(true);
  });
});
