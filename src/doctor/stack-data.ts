// What one monitoring stack does, by default, with the series headroom reads, and what to change where it loses them.
// Pure data: `headroom doctor` prints a stack's fix when a live store lacks a series; docs/stacks/ shows the same
// snippets (a test holds them equal).
import type { Fix } from './findings.ts';

type Stack = 'kube-prometheus-stack' | 'k8s-monitoring-helm' | 'gmp' | 'kube-state-metrics';

/** A fix as a stack's data holds it: why, snippet and language (the stack is the one it belongs to). */
export type Remedy = Omit<Fix, 'stack'>;

/** The stack keeps the series (or does what headroom needs) as shipped: nothing to do. */
export const KEPT = 'kept';
export type Verdict = typeof KEPT | Remedy;

export interface StackFixes {
  stack: Stack;
  /** The user page that shows these fixes, relative to the repository. */
  page: string;
  /** Per input metric of src/rules/input-series.ts, by metric name. */
  metrics: Readonly<Record<string, Verdict>>;
  /** To scrape the series headroom reads every 30 s or faster (its windows assume two samples a minute). */
  scrapeInterval: Remedy;
  /** To export kube_namespace_labels with the namespace label `labelKey` (config `ownership.namespaceLabel`). */
  namespaceLabels(labelKey: string): Remedy;
  /**
   * To keep cadvisor's pod cgroup (container="", pod!=""), which PodMemoryNearLimit and pod-level limits read, where
   * the
   * stack drops the cgroup itself; a metric it drops for every cgroup is said in `metrics`.
   */
  podCgroup: Verdict;
  /** headroom's `selectors` for the jobs the stack scrapes (kube-prometheus's, headroom's defaults, need nothing). */
  selectors: Verdict;
}
