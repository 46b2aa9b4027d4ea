// The configs the dashboard tests run against.
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/paths.ts';

export const CONFIGS = {
  /** The example at the root of the repository, whose output is committed in generated/. */
  'repository example': join(REPO_ROOT, 'headroom.config.ts'),
  'fixture example': join(REPO_ROOT, 'test/fixtures/example/headroom.config.ts'),
  /** cadvisor limits and non-default selectors. */
  'fixture cadvisor-limits': join(REPO_ROOT, 'test/fixtures/cadvisor-limits/headroom.config.ts'),
  /** The default team claims namespaces with a threshold of its own; both wrappers enabled. */
  'default team claims': join(REPO_ROOT, 'test/dashboards/fixtures/default-team-claims/headroom.config.ts'),
  /** Several clusters (label `cluster`), owners from a namespace label too, a per-team copy for payments. */
  'two clusters': join(REPO_ROOT, 'test/dashboards/fixtures/two-clusters/headroom.config.ts'),
};
