// Per-container PromQL the dashboards share, built on the rules' source series (configured selectors, pause and
// pod-level cgroups left out) and deduplicated like the rules: `max by (cluster?, namespace, pod, container)`.
import type { Model } from '../model/model.ts';
import { containerKey, namespaceKey } from '../rules/keys.ts';
import { aggregate, binary, by, series } from '../rules/promql.ts';
import { currentOwners } from '../rules/ownership.ts';
import { CONTAINER_RESTARTS } from '../rules/record-names.ts';
import { sourceSeries } from '../rules/source-series.ts';

type Matchers = (string | undefined)[];

interface ContainerSeries {
  workingSet(...m: Matchers): string;
  limit(...m: Matchers): string;
  request(...m: Matchers): string;
  /** Restarts gained within `range` (a duration or a Grafana range variable). */
  restartsWithin(range: string, ...m: Matchers): string;
  /**
   * Restarts within `range` of containers whose last termination is OOMKilled at the step. kube-state-metrics keeps
   * only the last reason, so over a long range this counts every restart of a container last killed by OOM.
   */
  oomKillsWithin(range: string, ...m: Matchers): string;
  /** Last termination reason (label `reason`) of containers that restarted within `range`; value = restarts. */
  terminationsWithin(range: string, ...m: Matchers): string;
  /** Running containers (they have a working set) without a memory limit; value = working set. */
  withoutLimit(...m: Matchers): string;
}

export function containerSeries(model: Model): ContainerSeries {
  const source = sourceSeries(model);
  const key = containerKey(model);
  const perContainer = (inner: string) => aggregate('max', key, inner);
  const on = `on ${by(key)}`;
  // The rules' deduplicated restart counter: one series per container, whatever the kube-state-metrics replicas.
  const restartsWithin = (range: string, ...m: Matchers) => `increase(${series(CONTAINER_RESTARTS, ...m)}[${range}])`;
  return {
    workingSet: (...m) => perContainer(source.workingSet(...m)),
    limit: (...m) => perContainer(source.memoryLimit(...m)),
    request: (...m) => perContainer(source.memoryRequest(...m)),
    restartsWithin,
    oomKillsWithin: (range, ...m) =>
      // The reason at each step, as the alert reads it: over a range, max_over_time would also count a later crash
      // with another reason of a container OOMKilled earlier in the range.
      binary(`${restartsWithin(range, ...m)} > 0`, `and ${on}`, `${perContainer(source.oomKilledReason(...m))} == 1`),
    terminationsWithin: (range, ...m) =>
      binary(
        `(${aggregate('max', [...key, 'reason'], source.lastTerminatedReason(...m))} == 1)`,
        `* ${on} group_left ()`,
        `(${restartsWithin(range, ...m)} > 0)`,
      ),
    withoutLimit: (...m) =>
      binary(perContainer(source.workingSet(...m)), `unless ${on}`, perContainer(source.memoryLimit(...m))),
  };
}

/**
 * The owner labels tables show: the team and, with ownership by namespace label, `claim` (file, namespace-label or
 * none: how the owner was decided).
 */
export function ownerColumns(model: Model): string[] {
  return model.namespaceOwnerLabel ? ['team', 'claim'] : ['team'];
}

/** Adds the owning team (label `team`, and `claim` where ownerColumns says) to per-namespace series. */
export function withTeam(model: Model, expr: string): string {
  const key = namespaceKey(model).join(', ');
  return binary(
    expr.includes('\n') ? expr : `(${expr})`,
    `* on (${key}) group_left (${ownerColumns(model).join(', ')})`,
    currentOwners(model, 'namespaces'),
  );
}
