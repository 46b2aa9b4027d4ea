// The ranges doctor holds against the measured scrape intervals (test/doctor/scrape-interval.test.ts measures them
// with promtool; test/e2e/doctor.e2e.ts on a real store scraped every 60 s).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shortRanges } from '../../src/doctor/check-scrape-interval.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { resolveModel } from '../../src/model/resolve-model.ts';
import type { Exporter } from '../../src/rules/input-series.ts';
import { FIXTURES } from '../helpers/paths.ts';

const model = resolveModel(await loadConfig(join(FIXTURES, 'e2e', 'headroom.config.ts')));

const intervals = (seconds: Partial<Record<Exporter, number>>, cluster = 'prod-1') =>
  new Map(Object.entries(seconds).map(([exporter, value]) => [exporter as Exporter, new Map([[cluster, value]])]));

describe('ranges shorter than two scrapes', () => {
  it('at 30 s, every 1m window holds two samples: nothing to say', () => {
    expect(shortRanges(model, intervals({ cadvisor: 30, 'kube-state-metrics': 30, kubelet: 30 }))).toEqual([]);
  });

  it('at 60 s, one finding per cluster blinds every alert with a 1m window, naming the slow exporters', () => {
    const [finding, ...rest] = shortRanges(model, intervals({ cadvisor: 10, 'kube-state-metrics': 60, kubelet: 61 }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ check: 'scrape-interval', cluster: 'prod-1' });
    expect(finding!.blinds).toEqual([
      'ContainerOOMKilled',
      'ContainerProcessOOMKilled',
      'NodeMemoryEvictions',
      'PodsEvicted',
    ]);
    expect(finding!.message).toBe(
      'kube-state-metrics is scraped every 60 s, kubelet is scraped every 61 s: these ranges hold fewer than two ' +
        "samples, so their rules see no change: ContainerOOMKilled's window 1m, ContainerProcessOOMKilled's window " +
        "1m, NodeMemoryEvictions's window 1m, PodsEvicted's window 1m",
    );
    expect(finding!.fixes.map((fix) => fix.stack)).toContain('k8s-monitoring-helm');
  });

  it('a slow kubelet alone cuts only the window of the alert that reads it', () => {
    const findings = shortRanges(model, intervals({ kubelet: 45 }, ''));
    expect(findings.map((finding) => [finding.cluster, finding.blinds])).toEqual([
      [undefined, ['NodeMemoryEvictions']],
    ]);
  });
});
