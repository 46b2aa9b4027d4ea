// ContainerOOMKilled: a container (also an init container or native sidecar) restarted within `window` and its last
// termination was an OOM kill. last_terminated_reason alone stays 1 for days, so a restart inside the window is
// required: `increase` over the window, which also sees pods killed minutes after their start (their counter is first
// scraped at 0).
// Not covered: a pod killed before kube-state-metrics' first scrape of it (its first sample already counts the kill)
// is caught at its next kill only. Taking "a counter that did not exist a window ago" instead would page for every
// old kill after any gap in kube-state-metrics' data longer than the lookback (a sharded or restarted exporter).
//
// Evidence, in priority order, one alert per kill (label `evidence`):
// - reason: the last termination says OOMKilled;
// - oom-events: it says Error with exit code 137 (a SIGKILL: the runtime missed the OOM, e.g. a child process was
//   killed, or the OOM event raced the exit) and cadvisor counted an OOM kill of the container within the window;
// - working-set-at-limit: Error and 137, and the working set came within `evidenceMargin` of the limit in the window.
// A SIGKILL without either (liveness probe, kubectl delete --grace-period=0) is no OOM kill. Each lower branch drops
// the kills a higher one recorded just before it in the same evaluation (rules of a group run in order).
//
// The kills are recorded once per distinct window over every container; the alert rules (one per distinct window and
// severity) read only those few series and join the owner.
import type { Model } from '../model/model.ts';
import { containerQueryValue, runbookUrl, teamDashboardUrl } from './annotations.ts';
import { CONTAINER_TYPE } from './init-container-types.ts';
import { containerKey, namespaceKey } from './keys.ts';
import { withOwnerLabels } from './ownership.ts';
import { distinctValues, rulesPerSetting } from './partition.ts';
import { aggregate, binary, by, matcher, series } from './promql.ts';
import { EXIT137_RESTARTS, MEMORY_RATIO, NAMESPACE_OOM_EVIDENCE_MARGIN, NAMESPACE_OWNER, OOM_EVENTS, OOM_RESTARTS, RESTARTS_IN_WINDOW } from './record-names.ts';
import type { AlertingRule, RecordingRule } from './rule-types.ts';
import { sourceSeries } from './source-series.ts';

export const OOM_KILLED_ALERT = 'ContainerOOMKilled';

/** The `evidence` label: why a kill counts as an OOM kill. */
export const EVIDENCE = { reason: 'reason', oomEvents: 'oom-events', workingSet: 'working-set-at-limit' } as const;

/** Distinct windows of the owners that have the alert on (and, with `exit137`, count exit 137 too), sorted. */
function oomWindows(model: Model, exit137 = false): string[] {
  return distinctValues(model, ({ alerts: { containerOOMKilled: a } }) => (a.enabled && (!exit137 || a.errorExit137) ? a.window : undefined));
}

/**
 * Containers of every kind restarted within `window` whose last termination matches `termination` (built from the
 * reason and exit code series of that kind, main or init); the value is the restart count, with container_type.
 */
function restartedWith(model: Model, window: string, termination: (kind: 'main' | 'init') => string): string {
  const key = containerKey(model);
  return binary(series(RESTARTS_IN_WINDOW, matcher('window', '=', window)), `and on ${by(key)}`, binary(termination('main'), 'or', termination('init')));
}

function lastReason(model: Model, kind: 'main' | 'init', reason: string): string {
  const source = sourceSeries(model);
  const reasonSeries = kind === 'main' ? source.lastTerminatedReason : source.initLastTerminatedReason;
  return `${aggregate('max', containerKey(model), reasonSeries(matcher('reason', '=', reason)))} == 1`;
}

function lastExitCode137(model: Model, kind: 'main' | 'init'): string {
  const source = sourceSeries(model);
  return `${aggregate('max', containerKey(model), kind === 'main' ? source.lastTerminatedExitCode() : source.initLastTerminatedExitCode())} == 137`;
}

/** The evidence margin of each namespace whose owner counts exit 137; one rule per distinct margin. */
export function oomEvidenceMarginRules(model: Model): RecordingRule[] {
  return rulesPerSetting(
    model,
    'namespaces',
    ({ alerts: { containerOOMKilled: a } }) => (a.enabled && a.errorExit137 ? { margin: a.evidenceMargin } : undefined),
    ({ margin }, owned) => ({
      record: NAMESPACE_OOM_EVIDENCE_MARGIN,
      expr: `${margin} * ${aggregate('group', namespaceKey(model), series(NAMESPACE_OWNER, owned))}`,
      labels: { margin: String(margin) },
    }),
  );
}

/** Per distinct window: the kills with their evidence (see the file comment), in priority order. */
export function oomRestartRules(model: Model): RecordingRule[] {
  const key = containerKey(model);
  const exit137Windows = new Set(oomWindows(model, true));
  return oomWindows(model).flatMap((window) => {
    const inWindow = matcher('window', '=', window);
    const byReason: RecordingRule = {
      record: OOM_RESTARTS,
      expr: restartedWith(model, window, (kind) => lastReason(model, kind, 'OOMKilled')),
      labels: { window, evidence: EVIDENCE.reason },
    };
    if (!exit137Windows.has(window)) return [byReason];
    const sigkills: RecordingRule = {
      record: EXIT137_RESTARTS,
      expr: restartedWith(model, window, (kind) => binary(lastReason(model, kind, 'Error'), `and on ${by(key)}`, lastExitCode137(model, kind))),
      labels: { window },
    };
    // Only in namespaces whose owner counts exit 137, and never a kill a higher-priority branch recorded just before
    // (by its evidence: the branch's own series of the last evaluation is there too and must not hide it).
    const withEvidence = (evidence: string, proof: string, higher: string[]): RecordingRule => ({
      record: OOM_RESTARTS,
      expr: binary(
        binary(binary(series(EXIT137_RESTARTS, inWindow), `and on ${by(key)}`, proof), `and on ${by(namespaceKey(model))}`, series(NAMESPACE_OOM_EVIDENCE_MARGIN)),
        `unless on ${by(key)}`,
        series(OOM_RESTARTS, inWindow, matcher('evidence', '=~', higher.join('|'))),
      ),
      labels: { window, evidence },
    });
    const margin = aggregate('max', namespaceKey(model), series(NAMESPACE_OOM_EVIDENCE_MARGIN));
    const atLimit = binary(`max_over_time(${series(MEMORY_RATIO)}[${window}])`, `>= on ${by(namespaceKey(model))} group_left ()`, `1 - ${margin}`);
    return [
      byReason,
      sigkills,
      withEvidence(EVIDENCE.oomEvents, series(OOM_EVENTS, inWindow), [EVIDENCE.reason]),
      withEvidence(EVIDENCE.workingSet, atLimit, [EVIDENCE.reason, EVIDENCE.oomEvents]),
    ];
  });
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

/** "Container", "Init container" or "Sidecar", from the alert's container_type. */
export const CONTAINER_TYPE_NOUN =
  `{{ if eq $labels.container_type "${CONTAINER_TYPE.sidecar}" }}Sidecar` +
  `{{ else if eq $labels.container_type "${CONTAINER_TYPE.init}" }}Init container{{ else }}Container{{ end }}`;

function oomDescription(model: Model, window: string): string {
  const limit = containerQueryValue(model, (...m) => `max(${sourceSeries(model).memoryLimit(...m)})`, 'humanize1024', {
    suffix: 'B memory limit',
    otherwise: 'node memory, as it has no memory limit',
  });
  const how =
    `{{ if eq $labels.evidence "${EVIDENCE.oomEvents}" }}was killed (reason Error, exit code 137) while the kernel counted an OOM kill in it` +
    `{{ else if eq $labels.evidence "${EVIDENCE.workingSet}" }}was killed (reason Error, exit code 137) with its working set at its memory limit` +
    '{{ else }}was OOMKilled{{ end }}';
  return (
    `${CONTAINER_TYPE_NOUN} {{ $labels.container }} of pod {{ $labels.namespace }}/{{ $labels.pod }} ${how} ` +
    `(restarts in the last ${window}: {{ printf "%.0f" $value }}): it used up its ${limit}. ` +
    'Heap flags (-Xmx, --max-old-space-size, GOMEMLIMIT) do not prevent this: only the limit counts.'
  );
}
