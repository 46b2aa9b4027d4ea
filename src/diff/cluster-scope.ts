// Where a claim holds: the cluster patterns of its team file, every cluster when it lists none. Kept as patterns
// (every cluster is `*`) so that "covers" and "overlaps" are the pattern checks ownership itself uses.
import { patternCovers, patternsOverlap } from '../values/name-pattern.ts';

export type Scope = readonly string[];

/** The scope of a team without `clusters`. One shared array, so identity tells it apart. */
const EVERY_CLUSTER: Scope = Object.freeze(['*']);

/** A team file's `clusters` (empty: every cluster) as a scope. */
export function scopeOf(clusters: readonly string[]): Scope {
  return clusters.length === 0 ? EVERY_CLUSTER : clusters;
}

/**
 * Whether every cluster `inner` holds in is one `outer` holds in (sound: a cover by several patterns together is
 * missed).
 */
export function scopeCovers(outer: Scope, inner: Scope): boolean {
  return inner.every((cluster) => outer.some((pattern) => patternCovers(pattern, cluster)));
}

export function scopesOverlap(a: Scope, b: Scope): boolean {
  return a.some((x) => b.some((y) => patternsOverlap(x, y)));
}

export function isEveryCluster(scope: Scope): boolean {
  return scope.includes('*');
}
