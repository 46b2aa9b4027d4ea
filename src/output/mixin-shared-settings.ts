// Settings that kubernetes-mixin's `_config` and headroom's config both have, under their two names. One list
// serves `headroom import-mixin-config` (mixin → headroom) and the mixin's `_config` (headroom → mixin names).
import type { Model } from '../model/model.ts';

interface SharedSetting {
  /** Dotted path in kubernetes-mixin's `_config`. */
  mixinKey: string;
  /** Dotted path in headroom.config.ts. */
  headroomKey: string;
  /** The effective value headroom generates with. */
  read: (model: Model) => string;
}

export const SHARED_SETTINGS: readonly SharedSetting[] = [
  // Label matchers spliced between the braces of every cadvisor / kube-state-metrics selector, in both.
  { mixinKey: 'cadvisorSelector', headroomKey: 'selectors.cadvisor', read: (model) => model.selectors.cadvisor },
  {
    mixinKey: 'kubeStateMetricsSelector',
    headroomKey: 'selectors.kubeStateMetrics',
    read: (model) => model.selectors.kubeStateMetrics,
  },
  // Both replace `%s` with the alert name in lowercase.
  {
    mixinKey: 'runbookURLPattern',
    headroomKey: 'links.runbookUrlPattern',
    read: (model) => model.links.runbookUrlPattern,
  },
];
