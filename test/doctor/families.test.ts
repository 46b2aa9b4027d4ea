// What doctor checks is what the alerts declare (src/alerts/*: inputs, ranges): these hold the declarations to what
// the rules do, where a wrong one would make doctor call a working alert blind or a blind one ready.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_ALERTS } from '../../src/alerts/catalogue.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { families, familyName } from '../../src/doctor/families.ts';
import { resolveModel } from '../../src/model/resolve-model.ts';
import { rangeDuration } from '../../src/values/duration-setting.ts';
import { FIXTURES } from '../helpers/paths.ts';

const modelOf = async (config: string) => resolveModel(await loadConfig(join(FIXTURES, config, 'headroom.config.ts')));

describe('the alerts’ declarations doctor reads', () => {
  it('every setting that is a range the rules read over is declared in `ranges` (the scrape-interval check)', () => {
    for (const alert of ALL_ALERTS) {
      const shape = (alert as { settings?: { shape: Record<string, { description?: string }> } }).settings?.shape ?? {};
      const ranges = Object.entries(shape)
        .filter(([, schema]) => schema.description?.endsWith(rangeDuration.description ?? '\0'))
        .map(([key]) => key);
      expect([...((alert as { ranges?: readonly string[] }).ranges ?? [])], alert.name).toEqual(ranges);
    }
  });

  it('PodMemoryNearLimit reads the pod cgroup’s working set and limit, and needs both', async () => {
    const model = await modelOf('e2e');
    const readers = (name: string) => families(model).find((family) => familyName(family) === name)?.readers;
    for (const name of [
      'container_memory_working_set_bytes (pod cgroup)',
      'container_spec_memory_limit_bytes (pod cgroup)',
    ])
      expect(readers(name), name).toContainEqual({ alert: 'PodMemoryNearLimit' });
    // ContainersWithoutMemoryLimit only leaves out pods with a pod-level limit: it fires without it.
    expect(readers('container_spec_memory_limit_bytes (pod cgroup)')).toContainEqual({
      alert: 'ContainersWithoutMemoryLimit',
      optional: expect.stringContaining('pod-level limit'),
    });
    // With kube-state-metrics' limits no alert reads the containers' cadvisor limit.
    expect(readers('container_spec_memory_limit_bytes')).toBeUndefined();
  });

  it('ContainerOOMKilled needs only the restarts and reasons of main containers; the rest is evidence', async () => {
    const model = await modelOf('e2e');
    const needed = families(model)
      .filter((family) => family.readers.some((reader) => reader.alert === 'ContainerOOMKilled' && !reader.optional))
      .map(familyName);
    expect(needed).toEqual([
      'kube_pod_container_status_last_terminated_reason',
      'kube_pod_container_status_restarts_total',
    ]);
  });

  it('the series only an event creates say when, and which series show the event happened', async () => {
    const model = await modelOf('e2e');
    const eventBorn = Object.fromEntries(
      families(model)
        .filter((family) => family.eventBorn !== undefined)
        .map((family) => [family.metric, family.eventBorn?.evidence?.metric]),
    );
    expect(eventBorn).toEqual({
      kube_pod_container_status_last_terminated_exitcode: 'kube_pod_container_status_restarts_total',
      kube_pod_container_status_last_terminated_reason: 'kube_pod_container_status_restarts_total',
      kube_pod_init_container_info: 'kube_pod_init_container_status_restarts_total',
      kube_pod_init_container_resource_limits: undefined,
      kube_pod_init_container_status_last_terminated_exitcode: 'kube_pod_init_container_status_restarts_total',
      kube_pod_init_container_status_last_terminated_reason: 'kube_pod_init_container_status_restarts_total',
      kube_pod_init_container_status_restarts_total: 'kube_pod_init_container_info',
      kubelet_evictions: undefined,
    });
  });
});
