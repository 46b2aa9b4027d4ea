// ContainerOOMKilled: the container restarted within `window` and its last termination was OOMKilled.
// last_terminated_reason alone stays 1 for days, so a restart inside the window is required: `increase` over the
// window, which also sees pods killed minutes after their start (their counter is first scraped at 0).
// Not covered: a pod killed before kube-state-metrics' first scrape of it (its first sample already counts the kill)
// is caught at its next kill only. Taking "a counter that did not exist a window ago" instead would page for every
// old kill after any gap in kube-state-metrics' data longer than the lookback (a sharded or restarted exporter).
// The kills are recorded once per distinct window over every container; the alert rules (one per distinct window and
// severity) read only those few series and join the owner.
import type { Model } from '../model/model.ts';
import { containerQueryValue, runbookUrl, teamDashboardUrl } from './annotations.ts';
import { containerKey } from './keys.ts';
import { withOwnerLabels } from './ownership.ts';
import { rulesPerSetting } from './partition.ts';
import { aggregate, binary, by, matcher, series } from './promql.ts';
import { CONTAINER_RESTARTS, OOM_RESTARTS } from './record-names.ts';
import type { AlertingRule, RecordingRule } from './rule-types.ts';
import { sourceSeries } from './source-series.ts';

export const OOM_KILLED_ALERT = 'ContainerOOMKilled';

/** Distinct windows of the owners that have the alert on, sorted. */
function oomWindows(model: Model): string[] {
  return [...new Set(model.owners.filter((owner) => owner.alerts.containerOOMKilled.enabled).map((owner) => owner.alerts.containerOOMKilled.window))].sort();
}

/** Per distinct window: containers restarted within it whose last termination was OOMKilled, with the restart count. */
export function oomRestartRules(model: Model): RecordingRule[] {
  const key = containerKey(model);
  const lastTerminatedByOOM = `${aggregate('max', key, sourceSeries(model).oomKilledReason())} == 1`;
  return oomWindows(model).map((window) => ({
    record: OOM_RESTARTS,
    expr: binary(`increase(${series(CONTAINER_RESTARTS)}[${window}]) > 0`, `and on ${by(key)}`, lastTerminatedByOOM),
    labels: { window },
  }));
}

export function oomKilledAlerts(model: Model): AlertingRule[] {
  return rulesPerSetting(
    model,
    'namespaces',
    ({ alerts: { containerOOMKilled: a } }) => (a.enabled ? { window: a.window, severity: a.severity } : undefined),
    (settings, owned) => ({
      alert: OOM_KILLED_ALERT,
      expr: withOwnerLabels(model, 'namespaces', series(OOM_RESTARTS, matcher('window', '=', settings.window)), owned),
      // Rules of one alert differ by a label, or promtool's lint rejects them as duplicates.
      labels: { severity: settings.severity, window: settings.window },
      annotations: {
        summary: 'A container was killed by the kernel (OOMKilled) for reaching its memory limit.',
        description: oomDescription(model, settings.window),
        runbook_url: runbookUrl(model, OOM_KILLED_ALERT),
        dashboard_url: teamDashboardUrl(model, ['namespace', 'pod']),
      },
    }),
  );
}

function oomDescription(model: Model, window: string): string {
  const limit = containerQueryValue(model, (...m) => `max(${sourceSeries(model).memoryLimit(...m)})`, 'humanize1024', {
    suffix: 'B memory limit',
    otherwise: 'node memory, as it has no memory limit',
  });
  return (
    'Container {{ $labels.container }} of pod {{ $labels.namespace }}/{{ $labels.pod }} was OOMKilled ' +
    `(restarts in the last ${window}: {{ printf "%.0f" $value }}): it used up its ${limit}. ` +
    'Heap flags (-Xmx, --max-old-space-size, GOMEMLIMIT) do not prevent this: only the limit counts.'
  );
}
