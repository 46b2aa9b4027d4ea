// Overview: silent OOM kills, processes inside a container killed by the kernel while the container kept running
// (workers of nginx, gunicorn, PHP-FPM, PostgreSQL backends): no restart, no OOMKilled, only cadvisor's OOM counter.
import type { Model } from '../../model/model.ts';
import { by, max, selector, sum } from '../../promql/index.ts';
import { containerKey, namespaceKey } from '../../rules/keys.ts';
import { PROCESS_OOM_KILLS } from '../../rules/record-names.ts';
import { clusterLegend, clusterMatchers } from '../clusters.ts';
import { rangeQuery, row, timeseriesPanel } from '../common.ts';
import { withTeam } from '../container-series.ts';
import type { Section } from '../section.ts';
import { variableMatcher } from '../variables.ts';

const SILENT_OOM_DESCRIPTION =
  'OOM kills of processes inside containers that did not restart, as recorded for the ContainerProcessOOMKilled ' +
  "alert: per namespace, the kills within the alert's window at each moment (where teams set several windows, the " +
  "largest count of any window per container). Needs cadvisor's container_oom_events_total; empty without it.";

export function silentOomKillsSection(model: Model): Section {
  const selected = [...clusterMatchers(model), variableMatcher('namespace', 'namespace')];
  // max by the container key: one value per container whatever the windows, then summed per namespace.
  const perContainer = max(by(containerKey(model)), selector(PROCESS_OOM_KILLS, ...selected));
  const perNamespace = withTeam(model, sum(by(namespaceKey(model)), perContainer));
  return {
    row: row(700, 'Silent OOM kills'),
    panels: [
      timeseriesPanel(701, 'Silent OOM kills', 'none')
        .span(24)
        .description(SILENT_OOM_DESCRIPTION)
        .min(0)
        .decimals(0)
        .withTarget(rangeQuery('A', perNamespace, clusterLegend(model, '{{namespace}} ({{team}})'))),
    ],
  };
}
