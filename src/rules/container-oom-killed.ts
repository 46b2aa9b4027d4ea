// ContainerOOMKilled: the container restarted within `window` and its last termination was OOMKilled.
// last_terminated_reason alone stays 1 for days, so a restart inside the window is required: `increase` over the
// window, which also sees pods killed minutes after their start (their counter is first scraped at 0).
// Not covered: a pod killed before kube-state-metrics' first scrape of it (its first sample already counts the kill)
// is caught at its next kill only. Taking "a counter that did not exist a window ago" instead would page for every
// old kill after any gap in kube-state-metrics' data longer than the lookback (a sharded or restarted exporter).
import type { Model } from '../model/model.ts';
import { CONTAINER_MATCHERS, containerQueryValue, runbookUrl, teamDashboardUrl } from './annotations.ts';
import { withOwnerLabels } from './ownership.ts';
import { rulesPerSetting } from './partition.ts';
import { aggregate, binary, by, series } from './promql.ts';
import { CONTAINER_RESTARTS } from './record-names.ts';
import type { AlertingRule } from './rule-types.ts';
import { CONTAINER_KEY, sourceSeries } from './source-series.ts';

export const OOM_KILLED_ALERT = 'ContainerOOMKilled';

export function oomKilledAlerts(model: Model): AlertingRule[] {
  return rulesPerSetting(
    model,
    'namespaces',
    ({ alerts: { containerOOMKilled: a } }) => (a.enabled ? { window: a.window, severity: a.severity } : undefined),
    (settings, owned) => ({
      alert: OOM_KILLED_ALERT,
      expr: withOwnerLabels(
        model,
        'namespaces',
        binary(restartedWithin(settings.window, owned), `and on ${by(CONTAINER_KEY)}`, lastTerminatedByOOM(model, owned)),
        owned,
      ),
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

/** Restart count gained within the window, per container; > 0 only. */
function restartedWithin(window: string, owned: string | undefined): string {
  return `increase(${series(CONTAINER_RESTARTS, owned)}[${window}]) > 0`;
}

function lastTerminatedByOOM(model: Model, owned: string | undefined): string {
  return `${aggregate('max', CONTAINER_KEY, sourceSeries(model).oomKilledReason(owned))} == 1`;
}

function oomDescription(model: Model, window: string): string {
  const limit = containerQueryValue(`max(${sourceSeries(model).memoryLimit(...CONTAINER_MATCHERS)})`, 'humanize1024', {
    suffix: 'B memory limit',
    otherwise: 'node memory, as it has no memory limit',
  });
  return (
    'Container {{ $labels.container }} of pod {{ $labels.namespace }}/{{ $labels.pod }} was OOMKilled ' +
    `(restarts in the last ${window}: {{ printf "%.0f" $value }}): it used up its ${limit}. ` +
    'Heap flags (-Xmx, --max-old-space-size, GOMEMLIMIT) do not prevent this: only the limit counts.'
  );
}
