// What `headroom doctor` prints when a live store lacks what headroom reads: per monitoring stack, the change that
// brings it back. One file per stack under stacks/; docs/stacks/<stack>.md shows the same snippets.
import type { Fix } from './findings.ts';
import { KEPT, type StackFixes, type Verdict } from './stack-data.ts';
import { gmp } from './stacks/gmp.ts';
import { k8sMonitoringHelm } from './stacks/k8s-monitoring-helm.ts';
import { kubePrometheusStack } from './stacks/kube-prometheus-stack.ts';
import { kubeStateMetrics } from './stacks/kube-state-metrics.ts';

/** Every stack headroom knows, in the order doctor prints them. */
export const STACKS: readonly StackFixes[] = [kubePrometheusStack, k8sMonitoringHelm, gmp, kubeStateMetrics];

function fixes(verdictOf: (stack: StackFixes) => Verdict): Fix[] {
  return STACKS.flatMap((stack) => {
    const verdict = verdictOf(stack);
    return verdict === KEPT ? [] : [{ stack: stack.stack, ...verdict }];
  });
}

/** The stacks that lose `metric` (an input metric of src/rules/input-series.ts) by default, with the fix. */
export function fixesFor(metric: string): Fix[] {
  return fixes((stack) => {
    const verdict = stack.metrics[metric];
    if (verdict === undefined)
      throw new Error(`src/doctor/stacks: ${stack.stack} says nothing of ${metric}; add it to its metrics`);
    return verdict;
  });
}

/** Per stack, how to scrape headroom's series every 30 s or faster. */
export function scrapeIntervalFixes(): Fix[] {
  return fixes((stack) => stack.scrapeInterval);
}

/** Per stack, how to export kube_namespace_labels with `labelKey` (config `ownership.namespaceLabel`). */
export function namespaceLabelFixes(labelKey: string): Fix[] {
  return fixes((stack) => stack.namespaceLabels(labelKey));
}

/** The stacks that drop cadvisor's pod cgroup (container="", pod!=""), with the fix. */
export function podCgroupFixes(): Fix[] {
  return fixes((stack) => stack.podCgroup);
}

/** The stacks whose job labels differ from headroom's default selectors, with the selectors to configure. */
export function selectorFixes(): Fix[] {
  return fixes((stack) => stack.selectors);
}
