// Per-container PromQL the dashboards share, built on the rules' source series (configured selectors, pause and
// pod-level cgroups left out) and deduplicated like the rules: `max by (cluster?, namespace, pod, container)`.
import type { Model } from '../model/model.ts';
import { binary, by, call, type Expr, groupLeft, type Matcher, max, on, range, selector } from '../promql/index.ts';
import { containerKey, namespaceKey } from '../rules/keys.ts';
import { currentOwners } from '../rules/ownership.ts';
import { CONTAINER_RESTARTS } from '../rules/record-names.ts';
import { sourceSeries } from '../rules/source-series.ts';

interface ContainerSeries {
  workingSet(...m: Matcher[]): Expr;
  limit(...m: Matcher[]): Expr;
  request(...m: Matcher[]): Expr;
  /** Restarts gained within `window` (a duration or a Grafana interval variable, e.g. `$__range`). */
  restartsWithin(window: string, ...m: Matcher[]): Expr;
  /**
   * Restarts within `window` of containers whose last termination is OOMKilled at the step. kube-state-metrics keeps
   * only the last reason, so over a long window this counts every restart of a container last killed by OOM.
   */
  oomKillsWithin(window: string, ...m: Matcher[]): Expr;
  /** Last termination reason (label `reason`) of containers that restarted within `window`; value = restarts. */
  terminationsWithin(window: string, ...m: Matcher[]): Expr;
  /** Running containers (they have a working set) without a memory limit; value = working set. */
  withoutLimit(...m: Matcher[]): Expr;
}

export function containerSeries(model: Model): ContainerSeries {
  const source = sourceSeries(model);
  const key = containerKey(model);
  const perContainer = (inner: Expr) => max(by(key), inner);
  // The rules' deduplicated restart counter: one series per container, whatever the kube-state-metrics replicas.
  const restartsWithin = (window: string, ...m: Matcher[]) =>
    call('increase', [range(selector(CONTAINER_RESTARTS, ...m), window)]);
  const restarted = (window: string, ...m: Matcher[]) => binary(restartsWithin(window, ...m), '>', 0);
  return {
    workingSet: (...m) => perContainer(source.workingSet(...m)),
    limit: (...m) => perContainer(source.memoryLimit(...m)),
    request: (...m) => perContainer(source.memoryRequest(...m)),
    restartsWithin,
    oomKillsWithin: (window, ...m) =>
      // The reason at each step, as the alert reads it: over a range, max_over_time would also count a later crash
      // with another reason of a container OOMKilled earlier in the range.
      binary(
        restarted(window, ...m),
        'and',
        binary(perContainer(source.oomKilledReason(...m)), '==', 1),
        on(key),
        'lines',
      ),
    terminationsWithin: (window, ...m) =>
      binary(
        binary(max(by([...key, 'reason']), source.lastTerminatedReason(...m)), '==', 1),
        '*',
        restarted(window, ...m),
        on(key),
        groupLeft(),
        'lines',
      ),
    withoutLimit: (...m) =>
      binary(perContainer(source.workingSet(...m)), 'unless', perContainer(source.memoryLimit(...m)), on(key), 'lines'),
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
export function withTeam(model: Model, expr: Expr): Expr {
  const owners = currentOwners(model, 'namespaces');
  return binary(expr, '*', owners, on(namespaceKey(model)), groupLeft(ownerColumns(model)), 'lines');
}
